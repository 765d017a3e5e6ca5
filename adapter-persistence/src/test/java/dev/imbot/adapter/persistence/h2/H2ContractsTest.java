package dev.imbot.adapter.persistence.h2;

import dev.imbot.adapter.persistence.TestDatabase;
import dev.imbot.application.contract.AllContracts;
import dev.imbot.application.contract.TestPortal;

/**
 * Every port contract, and the use cases over them, on the H2 file database, as the embedded
 * default runs.
 */
class H2ContractsTest extends AllContracts {

  @Override
  protected TestPortal portalUnderTest() {
    return TestDatabase.H2.freshPortal();
  }
}
