package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.health.DatabaseProbe;
import jakarta.inject.Singleton;

/** Persistence adapter: probes the database with {@code SELECT 1} on a pooled connection. */
@Singleton
public final class JdbcDatabaseProbe implements DatabaseProbe {
  private final Database database;

  JdbcDatabaseProbe(Database database) {
    this.database = database;
  }

  @Override
  public void ping() {
    database.read(
        "probe the database", handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
  }
}
