package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.portal.ApplicationKey;
import org.jdbi.v3.core.mapper.RowMapper;

/** An {@code application_event_binding} row: one handler of one application event. */
public record ApplicationEventBindingRow(
    long id, String applicationKey, String event, String handler, long authType) {
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<ApplicationEventBindingRow> MAPPER =
      (rs, context) ->
          new ApplicationEventBindingRow(
              rs.getLong("id"),
              rs.getString("application_key"),
              rs.getString("event"),
              rs.getString("handler"),
              rs.getLong("auth_type"));

  static final String COLUMNS = "id, application_key, event, handler, auth_type";

  ApplicationEventBinding toBinding() {
    return new ApplicationEventBinding(
        id, ApplicationKey.of(applicationKey), ApplicationEvent.valueOf(event), handler, authType);
  }
}
