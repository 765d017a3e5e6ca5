package dev.imbot.adapter.persistence;

/** The adapter's own tests on the embedded H2 file database. */
class H2PersistenceAdapterTest extends PersistenceAdapterTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
