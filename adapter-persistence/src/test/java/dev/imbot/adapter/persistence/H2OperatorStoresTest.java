package dev.imbot.adapter.persistence;

/** The operator's stores on the H2 file database. */
class H2OperatorStoresTest extends OperatorStoresTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
