package dev.imbot.application.port.in.portal;

import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.RejectedException;
import java.util.List;

/** Use case: {@code event.bind}, {@code event.unbind} and {@code event.get} of an application. */
public interface ApplicationEventsUseCase {

  /**
   * @throws RejectedException {@code WRONG_REQUEST} for an event the service never emits or a bad
   *     handler URL
   */
  ApplicationEventBinding bind(
      ApplicationKey application, String event, String handler, Long authType);

  /**
   * @return how many bindings went
   * @throws RejectedException {@code WRONG_REQUEST} for an event the service never emits
   */
  int unbind(ApplicationKey application, String event, String handler);

  List<ApplicationEventBinding> list(ApplicationKey application);
}
