package dev.imbot.application.port.out;

import java.util.function.Supplier;

/**
 * Outgoing port: runs a use case's reads and writes atomically. When {@code work} throws, nothing
 * it wrote is kept and the exception propagates.
 */
public interface UnitOfWork {

  <T> T run(Supplier<T> work);
}
