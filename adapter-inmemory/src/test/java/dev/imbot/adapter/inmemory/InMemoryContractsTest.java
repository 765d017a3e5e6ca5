package dev.imbot.adapter.inmemory;

import dev.imbot.application.contract.AllContracts;
import dev.imbot.application.contract.TestPortal;

/** Every port contract, and the use cases over them, on the in-memory adapters. */
class InMemoryContractsTest extends AllContracts {

  @Override
  protected TestPortal portalUnderTest() {
    return new InMemoryTestPortal();
  }
}
