package dev.imbot.application.inmemory;

import dev.imbot.application.contract.PortalUsersContract;
import dev.imbot.application.contract.TestPortal;

/** Runs {@link PortalUsersContract} against the in-memory adapters. */
class InMemoryPortalUsersTest extends PortalUsersContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
