package dev.imbot.adapter.persistence;

/** The operator's stores on PostgreSQL ({@code IMBOT_TEST_POSTGRES_URL}). */
class PostgresOperatorStoresTest extends OperatorStoresTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
