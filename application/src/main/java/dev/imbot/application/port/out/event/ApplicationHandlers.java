package dev.imbot.application.port.out.event;

import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.Optional;

/** Outgoing port: each application's handler bindings (one URL per bot event). */
public interface ApplicationHandlers {

  /** The application's bindings; {@link HandlerBindings#none()} when it has none. */
  HandlerBindings bindingsOf(ApplicationKey application);

  /**
   * The stored binding of one event, with its id (sent to the handler as {@code event_handler_id}).
   */
  Optional<HandlerBinding> bindingFor(ApplicationKey application, BotEvent event);

  /**
   * Stores {@code bindings} as the application's whole set, replacing what was stored. A binding
   * whose event stays bound keeps its id, whatever its URL becomes.
   */
  void replace(ApplicationKey application, HandlerBindings bindings);

  /** Removes every binding of the application. */
  void removeAll(ApplicationKey application);
}
