package dev.imbot.adapter.persistence.postgres;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.AllContracts;
import dev.imbot.application.contract.TestPortal;

/**
 * Every port contract, and the use cases over them, on PostgreSQL ({@code IMBOT_TEST_POSTGRES_URL}:
 * skipped without it on a developer's machine, failed without it in CI).
 */
class PostgresContractsTest extends AllContracts {

  @Override
  protected TestPortal portalUnderTest() {
    return TestDatabase.POSTGRES.freshPortal();
  }
}
