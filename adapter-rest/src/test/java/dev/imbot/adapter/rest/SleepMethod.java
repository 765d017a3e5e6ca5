package dev.imbot.adapter.rest;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Test-only REST methods {@code test.sleep} and {@code test.nap}: each spends {@code MS}
 * milliseconds (default 30) and answers {@code true}, so limit tests control a method's time.
 * Present only where a test sets {@code imbot.test.sleep-method=true}.
 */
@Singleton
@Requires(property = "imbot.test.sleep-method", value = "true")
final class SleepMethod implements BitrixMethod {
  static final String NAME = "test.sleep";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodResult call(BitrixCall call) {
    String ms = call.parameters().text("MS");
    try {
      Thread.sleep(ms == null ? 30 : Long.parseLong(ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return MethodResult.of(true);
  }

  /** The same under another name: another method for the same caller. */
  @Singleton
  @Requires(property = "imbot.test.sleep-method", value = "true")
  static final class Nap implements BitrixMethod {
    static final String NAME = "test.nap";

    private final SleepMethod sleep = new SleepMethod();

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public MethodResult call(BitrixCall call) {
      return sleep.call(call);
    }
  }
}
