package dev.imbot.adapter.persistence.h2;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.contract.UnitOfWorkContract;

/** The {@link UnitOfWorkContract} on the H2 file database. */
class H2UnitOfWorkTest extends UnitOfWorkContract {

  @Override
  protected TestPortal newPortal() {
    return TestDatabase.H2.freshPortal();
  }
}
