package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.portal.ApplicationKey;

/** An {@code application_event_binding} row: one handler of one application event. */
public record ApplicationEventBindingRow(
    long id, String applicationKey, String event, String handler, long authType) {
  static final String COLUMNS = "id, application_key, event, handler, auth_type";

  ApplicationEventBinding toBinding() {
    return new ApplicationEventBinding(
        id, ApplicationKey.of(applicationKey), ApplicationEvent.valueOf(event), handler, authType);
  }
}
