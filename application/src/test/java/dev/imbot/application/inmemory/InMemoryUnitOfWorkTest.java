package dev.imbot.application.inmemory;

import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.contract.UnitOfWorkContract;

/** Runs {@link UnitOfWorkContract} against the in-memory adapters. */
class InMemoryUnitOfWorkTest extends UnitOfWorkContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
