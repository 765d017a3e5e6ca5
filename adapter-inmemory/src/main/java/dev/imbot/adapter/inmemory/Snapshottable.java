package dev.imbot.adapter.inmemory;

/** An in-memory store that {@link InMemoryUnitOfWork} can roll back. */
interface Snapshottable {

  /** Captures the current state; running the result puts it back. */
  Runnable snapshot();
}
