package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.contract.UnregisterBotUseCaseContract;

/**
 * The {@link UnregisterBotUseCaseContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL).
 */
class PostgresUnregisterBotUseCaseTest extends UnregisterBotUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
