package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.ApplicationHandlersContract;
import dev.imbot.application.contract.TestPortal;

/**
 * The {@link ApplicationHandlersContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL).
 */
class PostgresApplicationHandlersTest extends ApplicationHandlersContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
