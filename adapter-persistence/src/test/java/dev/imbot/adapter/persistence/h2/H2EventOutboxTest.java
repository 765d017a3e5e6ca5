package dev.imbot.adapter.persistence.h2;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.EventOutboxContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link EventOutboxContract} on the H2 file database. */
class H2EventOutboxTest extends EventOutboxContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.H2.freshPortal();
  }
}
