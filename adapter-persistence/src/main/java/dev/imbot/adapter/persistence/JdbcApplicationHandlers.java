package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Persistence adapter: handler bindings in {@code handler_binding}, one row per bound event. */
@Singleton
public final class JdbcApplicationHandlers implements ApplicationHandlers {
  private static final String SELECT =
      "SELECT application_key, event, url FROM handler_binding WHERE application_key = ?";
  private static final String DELETE = "DELETE FROM handler_binding WHERE application_key = ?";
  private static final String INSERT =
      "INSERT INTO handler_binding (application_key, event, url) VALUES (?, ?, ?)";

  private final Database database;

  JdbcApplicationHandlers(Database database) {
    this.database = database;
  }

  @Override
  public HandlerBindings bindingsOf(ApplicationKey application) {
    return database.read(
        "read handler bindings of " + application,
        connection ->
            HandlerBindingRow.toBindings(
                Database.query(
                    connection,
                    SELECT,
                    row ->
                        new HandlerBindingRow(row.getString(1), row.getString(2), row.getString(3)),
                    application.value())));
  }

  /**
   * Deletes the stored rows and inserts the new ones in one batch: two statements, three when the
   * application had no bindings.
   */
  @Override
  public void replace(ApplicationKey application, HandlerBindings bindings) {
    database.write(
        "replace handler bindings of " + application,
        connection -> {
          int deleted = delete(connection, application);
          List<HandlerBindingRow> rows = HandlerBindingRow.from(application, bindings);
          if (!rows.isEmpty()) {
            if (deleted == 0) {
              // Deleted bindings prove the application row exists (foreign key); none prove
              // nothing.
              ApplicationRows.ensureExists(connection, application);
            }
            insert(connection, rows);
          }
          return null;
        });
  }

  @Override
  public void removeAll(ApplicationKey application) {
    database.write(
        "remove handler bindings of " + application,
        connection -> {
          delete(connection, application);
          return null;
        });
  }

  private static int delete(Connection connection, ApplicationKey application) throws SQLException {
    return Database.update(connection, DELETE, application.value());
  }

  private static void insert(Connection connection, List<HandlerBindingRow> rows)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (HandlerBindingRow row : rows) {
        insert.setString(1, row.applicationKey());
        insert.setString(2, row.event());
        insert.setString(3, row.url());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
