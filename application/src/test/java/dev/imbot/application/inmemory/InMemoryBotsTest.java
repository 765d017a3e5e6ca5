package dev.imbot.application.inmemory;

import dev.imbot.application.contract.BotsContract;
import dev.imbot.application.contract.TestPortal;

/** Runs {@link BotsContract} against the in-memory adapters. */
class InMemoryBotsTest extends BotsContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
