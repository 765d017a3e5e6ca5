package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-memory adapter: units of work run one at a time (one lock stands for every application's lock)
 * and roll back the registered stores when the work throws. Nested runs join the outer one.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final List<Snapshottable> stores = new ArrayList<>();

  void register(Snapshottable store) {
    stores.add(store);
  }

  @Override
  public <T> T run(Supplier<T> work) {
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return work.get();
      }
      List<Runnable> restore = stores.stream().map(Snapshottable::snapshot).toList();
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        restore.forEach(Runnable::run);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether the calling thread is inside a unit of work. */
  public boolean isActive() {
    return lock.isHeldByCurrentThread();
  }
}
