package dev.imbot.domain.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test support: a clock that stands still until the test moves it, or, made with a step, also moves
 * that far at every reading (so that two readings never show the same instant).
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final Duration everyReading;

  public ManualClock(Instant start) {
    this(start, Duration.ZERO);
  }

  public ManualClock(Instant start, Duration everyReading) {
    this.now = new AtomicReference<>(start);
    this.everyReading = everyReading;
  }

  /** Moves the clock forward by {@code step}. */
  public void advance(Duration step) {
    now.updateAndGet(instant -> instant.plus(step));
  }

  @Override
  public Instant instant() {
    return now.getAndUpdate(instant -> instant.plus(everyReading));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
