package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.ListBotsUseCaseContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link ListBotsUseCaseContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL). */
class PostgresListBotsUseCaseTest extends ListBotsUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
