package dev.imbot.adapter.persistence;

/** {@link JdbcDeliveryLog} on the embedded H2 file database. */
class H2JdbcDeliveryLogTest extends JdbcDeliveryLogTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
