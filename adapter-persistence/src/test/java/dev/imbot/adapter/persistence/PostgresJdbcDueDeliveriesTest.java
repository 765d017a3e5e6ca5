package dev.imbot.adapter.persistence;

/** {@link JdbcDueDeliveries} on PostgreSQL ({@code IMBOT_TEST_POSTGRES_URL}). */
class PostgresJdbcDueDeliveriesTest extends JdbcDueDeliveriesTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
