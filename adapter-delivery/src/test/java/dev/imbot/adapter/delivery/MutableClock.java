package dev.imbot.adapter.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Test support: a clock that moves only when the test says so, or, once {@link #ticking()}, also
 * with real time (for tests where a moment's wait must pass, such as a busy host's slot).
 */
final class MutableClock extends Clock {
  private volatile Instant base;
  private volatile long tickingSince = -1;
  private volatile long slowdown = 1;

  MutableClock(Instant start) {
    this.base = start;
  }

  synchronized void advance(Duration by) {
    base = base.plus(by);
  }

  /** From now on the clock also moves with real time. */
  synchronized MutableClock ticking() {
    return ticking(1);
  }

  /**
   * From now on the clock also moves with real time, {@code slowdown} times slower: what takes a
   * second takes a {@code slowdown}-th of one by this clock (a pace measured by it looks faster).
   */
  synchronized MutableClock ticking(long slowdown) {
    this.slowdown = slowdown;
    tickingSince = System.nanoTime();
    return this;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    long since = tickingSince;
    return since < 0 ? base : base.plusNanos((System.nanoTime() - since) / slowdown);
  }
}
