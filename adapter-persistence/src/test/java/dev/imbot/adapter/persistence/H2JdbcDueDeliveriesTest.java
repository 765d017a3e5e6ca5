package dev.imbot.adapter.persistence;

/** {@link JdbcDueDeliveries} on the embedded H2 file database. */
class H2JdbcDueDeliveriesTest extends JdbcDueDeliveriesTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
