package dev.imbot.adapter.persistence.h2;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.PortalUsersContract;
import dev.imbot.application.contract.TestPortal;

/** The {@link PortalUsersContract} on the H2 file database. */
class H2PortalUsersTest extends PortalUsersContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.H2.freshPortal();
  }
}
