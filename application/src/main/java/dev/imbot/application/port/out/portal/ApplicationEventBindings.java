package dev.imbot.application.port.out.portal;

import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;

/**
 * Outgoing port: the handlers applications bound to their application events ({@code event.bind}).
 */
public interface ApplicationEventBindings {

  /**
   * Binds {@code handler} to the event (or returns the existing binding of that same handler).
   *
   * @return the binding, with its id
   */
  ApplicationEventBinding bind(
      ApplicationKey application, ApplicationEvent event, String handler, long authType);

  /** Unbinds the event's handler(s): {@code handler} null means every handler of the event. */
  int unbind(ApplicationKey application, ApplicationEvent event, String handler);

  /** The application's bindings, in id order. */
  List<ApplicationEventBinding> of(ApplicationKey application);

  /** Removes every binding of the application. */
  void removeAll(ApplicationKey application);
}
