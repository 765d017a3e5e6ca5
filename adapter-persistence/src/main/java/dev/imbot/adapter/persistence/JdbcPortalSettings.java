package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.PortalSettings;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.mapper.RowMapper;

/** Persistence adapter: the portal's settings in {@code portal_setting}, made once and kept. */
@Singleton
public final class JdbcPortalSettings implements PortalSettings {
  private static final NamedStatement SELECT =
      NamedStatement.of("SELECT setting_value FROM portal_setting WHERE name = :name");
  // A concurrent insert of the same name waits for the first and then does nothing; both read
  // the first one's value afterwards.
  private static final NamedStatement INSERT_IF_ABSENT =
      NamedStatement.of(
          "INSERT INTO portal_setting (name, setting_value) VALUES (:name, :value)"
              + " ON CONFLICT DO NOTHING");
  private static final RowMapper<String> VALUE = (rows, context) -> rows.getString(1);

  private final Database database;

  JdbcPortalSettings(Database database) {
    this.database = database;
  }

  @Override
  public String getOrCreate(String name, Supplier<String> fresh) {
    // Plain JDBC, not a Jdbi handle: the first start's webhook reads this before the first
    // answer, and Jdbi's first statement sets up the JVM's flight recorder metadata (decision 168).
    return database.writeSql(
        "portal setting " + name,
        connection -> {
          Optional<String> stored = stored(connection, name);
          if (stored.isPresent()) {
            return stored.get();
          }
          try (NamedStatement.Bound insert = INSERT_IF_ABSENT.on(connection)) {
            insert.string("name", name).string("value", fresh.get()).update();
          }
          return stored(connection, name).orElseThrow();
        });
  }

  private static Optional<String> stored(Connection connection, String name) throws SQLException {
    try (NamedStatement.Bound select = SELECT.on(connection)) {
      return select.string("name", name).first(VALUE);
    }
  }
}
