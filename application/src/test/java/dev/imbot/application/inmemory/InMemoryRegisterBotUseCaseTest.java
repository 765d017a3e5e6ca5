package dev.imbot.application.inmemory;

import dev.imbot.application.contract.RegisterBotUseCaseContract;
import dev.imbot.application.contract.TestPortal;

/** Runs {@link RegisterBotUseCaseContract} against the in-memory adapters. */
class InMemoryRegisterBotUseCaseTest extends RegisterBotUseCaseContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
