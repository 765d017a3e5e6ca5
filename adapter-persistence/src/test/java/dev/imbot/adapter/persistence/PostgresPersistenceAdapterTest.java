package dev.imbot.adapter.persistence;

/** The adapter's own tests on PostgreSQL ({@code IMBOT_TEST_POSTGRES_URL}). */
class PostgresPersistenceAdapterTest extends PersistenceAdapterTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
