package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.PortalUsersContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link PortalUsersContract} on PostgreSQL (skipped without IMBOT_TEST_POSTGRES_URL). */
class PostgresPortalUsersTest extends PortalUsersContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
