package dev.imbot.application.contract;

import dev.imbot.application.contract.Faults.Call;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.Optional;

/** Test decorator of {@link ApplicationHandlers}: each call goes through {@link Faults} first. */
public final class FaultyApplicationHandlers implements ApplicationHandlers {
  private final ApplicationHandlers delegate;
  private final Faults faults;

  public FaultyApplicationHandlers(ApplicationHandlers delegate, Faults faults) {
    this.delegate = delegate;
    this.faults = faults;
  }

  @Override
  public HandlerBindings bindingsOf(ApplicationKey application) {
    faults.enter(Call.HANDLERS_BINDINGS_OF);
    return delegate.bindingsOf(application);
  }

  @Override
  public Optional<HandlerBinding> bindingFor(ApplicationKey application, BotEvent event) {
    faults.enter(Call.HANDLERS_BINDING_FOR);
    return delegate.bindingFor(application, event);
  }

  @Override
  public void replace(ApplicationKey application, HandlerBindings bindings) {
    faults.enter(Call.HANDLERS_REPLACE);
    delegate.replace(application, bindings);
  }

  @Override
  public void removeAll(ApplicationKey application) {
    faults.enter(Call.HANDLERS_REMOVE_ALL);
    delegate.removeAll(application);
  }

  @Override
  public HandlerBinding bindCommandHandler(ApplicationKey application, HandlerUrl url) {
    faults.enter(Call.HANDLERS_BIND_COMMAND_HANDLER);
    return delegate.bindCommandHandler(application, url);
  }

  @Override
  public Optional<HandlerBinding> commandHandlerOf(ApplicationKey application) {
    faults.enter(Call.HANDLERS_COMMAND_HANDLER_OF);
    return delegate.commandHandlerOf(application);
  }
}
