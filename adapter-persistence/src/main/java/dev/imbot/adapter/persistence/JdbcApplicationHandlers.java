package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.command.CommandHandler;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Persistence adapter: handler bindings in {@code handler_binding}, one row per bound event (the
 * command handler is the {@code ONIMCOMMANDADD} row), each with a surrogate id that handlers
 * receive as {@code event_handler_id}. A binding keeps its row, and so its id, while its event
 * stays bound.
 */
@Singleton
public final class JdbcApplicationHandlers implements ApplicationHandlers {
  private static final String COMMAND_EVENT = CommandHandler.EVENT;
  private static final String OF_APPLICATION =
      "SELECT id, event, url FROM handler_binding WHERE application_key = :application";
  private static final String SELECT = OF_APPLICATION + " AND event <> '" + COMMAND_EVENT + "'";
  // Read by every registration: bound without Jdbi.
  private static final NamedStatement BOT_EVENTS = NamedStatement.of(SELECT);
  private static final NamedStatement ONE =
      NamedStatement.of(OF_APPLICATION + " AND event = :event");
  private static final String DELETE_ALL =
      "DELETE FROM handler_binding WHERE application_key = :application";
  private static final String DELETE_BOT_EVENTS =
      DELETE_ALL + " AND event <> '" + COMMAND_EVENT + "'";
  private static final String DELETE_OTHERS = DELETE_BOT_EVENTS + " AND event NOT IN (<events>)";
  // Standard MERGE (PostgreSQL 15, H2): updates the URL of a bound event in place, so its id
  // stays, or inserts the binding. The source joins the application row, so a missing parent
  // makes the statement do nothing instead of failing on the foreign key.
  private static final String UPSERT =
      "MERGE INTO handler_binding b USING (SELECT a.application_key,"
          + " CAST(:event AS VARCHAR(32)) AS event, CAST(:url AS VARCHAR(4096)) AS url"
          + " FROM application a WHERE a.application_key = :application) s"
          + " ON (b.application_key = s.application_key AND b.event = s.event)"
          + " WHEN MATCHED THEN UPDATE SET url = s.url"
          + " WHEN NOT MATCHED THEN INSERT (application_key, event, url)"
          + " VALUES (s.application_key, s.event, s.url)";

  private final Database database;

  JdbcApplicationHandlers(Database database) {
    this.database = database;
  }

  @Override
  public HandlerBindings bindingsOf(ApplicationKey application) {
    return database.readSql(
        "read handler bindings of " + application,
        connection -> {
          try (NamedStatement.Bound select = BOT_EVENTS.on(connection)) {
            return HandlerBindingRow.toBindings(
                select.string("application", application.value()).list(HandlerBindingRow.MAPPER));
          }
        });
  }

  @Override
  public Optional<HandlerBinding> bindingFor(ApplicationKey application, BotEvent event) {
    return database.readSql(
        "read the " + event.eventName() + " binding of " + application,
        connection -> binding(connection, application, event.eventName()));
  }

  /**
   * Deletes the rows of events no longer bound, then upserts the bound ones in one batch: two
   * statements; when the application has no row yet, two more (create it, upsert again).
   */
  @Override
  public void replace(ApplicationKey application, HandlerBindings bindings) {
    if (bindings.isEmpty()) {
      database.write(
          "remove bot event handlers of " + application,
          handle ->
              handle
                  .createUpdate(DELETE_BOT_EVENTS)
                  .bind("application", application.value())
                  .execute());
      return;
    }
    database.write(
        "replace handler bindings of " + application,
        handle -> {
          List<String> events =
              bindings.asMap().keySet().stream().map(BotEvent::eventName).toList();
          handle
              .createUpdate(DELETE_OTHERS)
              .bind("application", application.value())
              .bindList("events", events)
              .execute();
          if (!upsert(handle, application, bindings.asMap())) {
            ApplicationRows.ensureExists(handle, application);
            if (!upsert(handle, application, bindings.asMap())) {
              throw new IllegalStateException("application row vanished: " + application);
            }
          }
          return null;
        });
  }

  @Override
  public void removeAll(ApplicationKey application) {
    database.write(
        "remove handler bindings of " + application,
        handle ->
            handle.createUpdate(DELETE_ALL).bind("application", application.value()).execute());
  }

  /** Upserts the {@code ONIMCOMMANDADD} row (its id stays when it exists) and reads it back. */
  @Override
  public HandlerBinding bindCommandHandler(ApplicationKey application, HandlerUrl url) {
    return database.write(
        "bind the command handler of " + application,
        handle -> {
          if (!upsertCommandHandler(handle, application, url)) {
            ApplicationRows.ensureExists(handle, application);
            if (!upsertCommandHandler(handle, application, url)) {
              throw new IllegalStateException("application row vanished: " + application);
            }
          }
          return binding(handle.getConnection(), application, COMMAND_EVENT).orElseThrow();
        });
  }

  @Override
  public Optional<HandlerBinding> commandHandlerOf(ApplicationKey application) {
    return database.readSql(
        "read the command handler of " + application,
        connection -> binding(connection, application, COMMAND_EVENT));
  }

  /** The application's binding of {@code event}, if it has one. */
  private static Optional<HandlerBinding> binding(
      Connection connection, ApplicationKey application, String event) throws SQLException {
    try (NamedStatement.Bound one = ONE.on(connection)) {
      return one.string("application", application.value())
          .string("event", event)
          .first(HandlerBindingRow.MAPPER)
          .map(HandlerBindingRow::toBinding);
    }
  }

  private static boolean upsertCommandHandler(
      Handle handle, ApplicationKey application, HandlerUrl url) {
    return handle
            .createUpdate(UPSERT)
            .bind("application", application.value())
            .bind("event", COMMAND_EVENT)
            .bind("url", url.value())
            .execute()
        > 0;
  }

  /** Whether every binding was written (none is when the application has no row). */
  private static boolean upsert(
      Handle handle, ApplicationKey application, Map<BotEvent, HandlerUrl> urls) {
    PreparedBatch batch = handle.prepareBatch(UPSERT);
    urls.forEach(
        (event, url) ->
            batch
                .bind("application", application.value())
                .bind("event", event.eventName())
                .bind("url", url.value())
                .add());
    return Arrays.stream(batch.execute())
        .allMatch(count -> count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO);
  }
}
