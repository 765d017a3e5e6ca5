package dev.imbot.application.inmemory;

import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.contract.UnregisterBotUseCaseContract;

/** Runs {@link UnregisterBotUseCaseContract} against the in-memory adapters. */
class InMemoryUnregisterBotUseCaseTest extends UnregisterBotUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
