package dev.imbot.application.port.out.event;

import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.Optional;

/**
 * Outgoing port: each application's handler bindings: one URL per bot event, and the command
 * handler ({@code ONIMCOMMANDADD}), which {@code imbot.command.register} binds apart from the
 * others.
 */
public interface ApplicationHandlers {

  /** The application's bindings; {@link HandlerBindings#none()} when it has none. */
  HandlerBindings bindingsOf(ApplicationKey application);

  /**
   * The stored binding of one event, with its id (sent to the handler as {@code event_handler_id}).
   */
  Optional<HandlerBinding> bindingFor(ApplicationKey application, BotEvent event);

  /**
   * Stores {@code bindings} as the application's whole set of bot event handlers, replacing what
   * was stored (the command handler stays as it is). A binding whose event stays bound keeps its
   * id, whatever its URL becomes.
   */
  void replace(ApplicationKey application, HandlerBindings bindings);

  /** Removes every binding of the application, its command handler included. */
  void removeAll(ApplicationKey application);

  /**
   * Binds {@code url} as the application's command handler ({@code ONIMCOMMANDADD}); the last one
   * bound wins, and a bound handler keeps its id when its URL changes.
   *
   * @return the binding, with its id
   */
  HandlerBinding bindCommandHandler(ApplicationKey application, HandlerUrl url);

  /** The application's command handler, if it bound one. */
  Optional<HandlerBinding> commandHandlerOf(ApplicationKey application);
}
