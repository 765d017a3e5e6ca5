package dev.imbot.application.inmemory;

import dev.imbot.application.contract.ApplicationHandlersContract;
import dev.imbot.application.contract.TestPortal;

/** Runs {@link ApplicationHandlersContract} against the in-memory adapters. */
class InMemoryApplicationHandlersTest extends ApplicationHandlersContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
