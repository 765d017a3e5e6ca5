package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.RegisterBotUseCaseContract;
import dev.imbot.application.contract.TestPortal;

/**
 * The {@link RegisterBotUseCaseContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL).
 */
class PostgresRegisterBotUseCaseTest extends RegisterBotUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }

  /** Another connection pool on the same database: a second service instance. */
  @Override
  protected TestPortal secondInstance(TestPortal first) {
    return TestDatabase.POSTGRES.secondPortal();
  }
}
