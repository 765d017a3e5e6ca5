package dev.imbot.adapter.persistence.h2;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.RegisterBotUseCaseContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link RegisterBotUseCaseContract} on the H2 file database. */
class H2RegisterBotUseCaseTest extends RegisterBotUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.H2.freshPortal();
  }

  /** Another connection pool on the same database: a second service instance. */
  @Override
  protected TestPortal secondInstance(TestPortal first) {
    return TestDatabase.H2.secondPortal();
  }
}
