package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.BotsContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link BotsContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL). */
class PostgresBotsTest extends BotsContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
