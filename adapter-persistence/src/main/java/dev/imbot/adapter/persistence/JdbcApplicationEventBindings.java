package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.ApplicationEventBindings;
import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Persistence adapter: {@code event.bind} of application events, in {@code
 * application_event_binding}.
 */
@Singleton
public final class JdbcApplicationEventBindings implements ApplicationEventBindings {
  private static final String SELECT =
      "SELECT " + ApplicationEventBindingRow.COLUMNS + " FROM application_event_binding";
  private static final String ONE =
      SELECT + " WHERE application_key = :key AND event = :event AND handler = :handler";
  private static final String OF = SELECT + " WHERE application_key = :key ORDER BY id";
  private static final String INSERT =
      "INSERT INTO application_event_binding (application_key, event, handler, auth_type)"
          + " VALUES (:key, :event, :handler, :authType) ON CONFLICT DO NOTHING";

  private final Database database;

  JdbcApplicationEventBindings(Database database) {
    this.database = database;
  }

  @Override
  public ApplicationEventBinding bind(
      ApplicationKey application, ApplicationEvent event, String handler, long authType) {
    return database.write(
        "bind " + event + " of " + application,
        handle -> {
          ApplicationRows.ensureExists(handle, application);
          handle
              .createUpdate(INSERT)
              .bind("key", application.value())
              .bind("event", event.name())
              .bind("handler", handler)
              .bind("authType", authType)
              .execute();
          return handle
              .createQuery(ONE)
              .bind("key", application.value())
              .bind("event", event.name())
              .bind("handler", handler)
              .mapTo(ApplicationEventBindingRow.class)
              .one()
              .toBinding();
        });
  }

  @Override
  public int unbind(ApplicationKey application, ApplicationEvent event, String handler) {
    String sql =
        "DELETE FROM application_event_binding WHERE application_key = :key AND event = :event"
            + (handler == null ? "" : " AND handler = :handler");
    return database.write(
        "unbind " + event + " of " + application,
        handle -> {
          var update =
              handle.createUpdate(sql).bind("key", application.value()).bind("event", event.name());
          if (handler != null) {
            update.bind("handler", handler);
          }
          return update.execute();
        });
  }

  @Override
  public List<ApplicationEventBinding> of(ApplicationKey application) {
    return database.read(
        "application event bindings of " + application,
        handle ->
            handle
                .createQuery(OF)
                .bind("key", application.value())
                .mapTo(ApplicationEventBindingRow.class)
                .list()
                .stream()
                .map(ApplicationEventBindingRow::toBinding)
                .toList());
  }

  @Override
  public void removeAll(ApplicationKey application) {
    database.write(
        "remove application event bindings of " + application,
        handle ->
            handle
                .createUpdate("DELETE FROM application_event_binding WHERE application_key = :key")
                .bind("key", application.value())
                .execute());
  }
}
