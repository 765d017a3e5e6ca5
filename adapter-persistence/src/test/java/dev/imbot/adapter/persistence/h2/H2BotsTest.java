package dev.imbot.adapter.persistence.h2;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.BotsContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link BotsContract} on the H2 file database. */
class H2BotsTest extends BotsContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.H2.freshPortal();
  }
}
