package dev.imbot.adapter.persistence.h2;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.ListBotsUseCaseContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link ListBotsUseCaseContract} on the H2 file database. */
class H2ListBotsUseCaseTest extends ListBotsUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.H2.freshPortal();
  }
}
