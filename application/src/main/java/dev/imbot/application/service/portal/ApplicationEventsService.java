package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.ApplicationEventsUseCase;
import dev.imbot.application.port.out.portal.ApplicationEventBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.InvalidField;
import java.util.List;

/** Service: an application's bindings of the application events the service emits. */
public final class ApplicationEventsService implements ApplicationEventsUseCase {
  private final ApplicationEventBindings bindings;

  public ApplicationEventsService(ApplicationEventBindings bindings) {
    this.bindings = bindings;
  }

  @Override
  public ApplicationEventBinding bind(
      ApplicationKey application, String event, String handler, Long authType) {
    ApplicationEvent known = event(event);
    String url = handler == null ? "" : handler.strip();
    try {
      HandlerUrl.of(url);
    } catch (IllegalArgumentException e) {
      throw InvalidField.of("handler", "must be an absolute http(s) URL").toException();
    }
    if (authType != null && authType < 0) {
      throw InvalidField.of("auth_type", "must be a user id or 0").toException();
    }
    return bindings.bind(application, known, url, authType == null ? 0 : authType);
  }

  @Override
  public int unbind(ApplicationKey application, String event, String handler) {
    ApplicationEvent known = event(event);
    String url = handler == null || handler.isBlank() ? null : handler.strip();
    return bindings.unbind(application, known, url);
  }

  @Override
  public List<ApplicationEventBinding> list(ApplicationKey application) {
    return bindings.of(application);
  }

  private static ApplicationEvent event(String event) {
    return ApplicationEvent.parse(event)
        .orElseThrow(
            () ->
                InvalidField.of(
                        "event",
                        "must be one of the events this service emits: ONAPPINSTALL,"
                            + " ONAPPUNINSTALL, ONAPPUPDATE")
                    .toException());
  }
}
