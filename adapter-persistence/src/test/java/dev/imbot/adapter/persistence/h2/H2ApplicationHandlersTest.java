package dev.imbot.adapter.persistence.h2;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.ApplicationHandlersContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link ApplicationHandlersContract} on the H2 file database. */
class H2ApplicationHandlersTest extends ApplicationHandlersContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.H2.freshPortal();
  }
}
