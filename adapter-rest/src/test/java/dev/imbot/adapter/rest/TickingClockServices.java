package dev.imbot.adapter.rest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test wiring: a clock that moves a second forward at every reading, where {@code
 * imbot.test.ticking-clock}: two readings of one answer never fall in the same second.
 */
@Factory
@Requires(property = "imbot.test.ticking-clock", value = "true")
public class TickingClockServices {

  @Singleton
  @Replaces(bean = Clock.class, factory = InMemoryServices.class)
  Clock clock() {
    return new Ticking(Instant.parse("2026-11-24T10:05:20.250Z"));
  }

  /** A second further at each {@link #instant()}. */
  static final class Ticking extends Clock {
    private final AtomicReference<Instant> next;

    Ticking(Instant start) {
      this.next = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
      return next.getAndUpdate(now -> now.plus(Duration.ofSeconds(1)));
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
}
