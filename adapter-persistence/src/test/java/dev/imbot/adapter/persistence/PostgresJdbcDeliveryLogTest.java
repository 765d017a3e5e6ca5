package dev.imbot.adapter.persistence;

/** {@link JdbcDeliveryLog} on PostgreSQL ({@code IMBOT_TEST_POSTGRES_URL}). */
class PostgresJdbcDeliveryLogTest extends JdbcDeliveryLogTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
