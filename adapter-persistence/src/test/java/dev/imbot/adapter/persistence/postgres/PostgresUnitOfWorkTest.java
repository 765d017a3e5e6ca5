package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.contract.UnitOfWorkContract;

/** The {@link UnitOfWorkContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL). */
class PostgresUnitOfWorkTest extends UnitOfWorkContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
