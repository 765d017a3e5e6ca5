package dev.imbot.application.inmemory;

import dev.imbot.application.contract.EventOutboxContract;
import dev.imbot.application.contract.TestPortal;

/** Runs {@link EventOutboxContract} against the in-memory adapters. */
class InMemoryEventOutboxTest extends EventOutboxContract {

  @Override
  protected TestPortal newPortal() {
    return new InMemoryTestPortal();
  }
}
