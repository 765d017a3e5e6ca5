package dev.imbot.application.inmemory;

import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.contract.UpdateBotUseCaseContract;

/** Runs {@link UpdateBotUseCaseContract} against the in-memory adapters. */
class InMemoryUpdateBotUseCaseTest extends UpdateBotUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
