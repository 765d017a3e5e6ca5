package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.EventOutboxContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link EventOutboxContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL). */
class PostgresEventOutboxTest extends EventOutboxContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
