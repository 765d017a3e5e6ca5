package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.contract.UpdateBotUseCaseContract;

/** The {@link UpdateBotUseCaseContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL). */
class PostgresUpdateBotUseCaseTest extends UpdateBotUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
