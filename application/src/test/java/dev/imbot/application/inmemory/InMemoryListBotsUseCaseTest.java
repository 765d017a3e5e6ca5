package dev.imbot.application.inmemory;

import dev.imbot.application.contract.ListBotsUseCaseContract;
import dev.imbot.application.contract.TestPortal;

/** Runs {@link ListBotsUseCaseContract} against the in-memory adapters. */
class InMemoryListBotsUseCaseTest extends ListBotsUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
