package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.UnitOfWork;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * Persistence adapter: a unit of work is one database transaction (read committed, the default of
 * both databases). A nested run joins the outer transaction; any exception rolls it back.
 */
@Singleton
public final class JdbcUnitOfWork implements UnitOfWork {
  private final Database database;

  JdbcUnitOfWork(Database database) {
    this.database = database;
  }

  @Override
  public <T> T run(Supplier<T> work) {
    return database.connected(() -> database.transactions().executeWrite(status -> work.get()));
  }
}
