package dev.imbot.bootstrap;

import dev.imbot.domain.common.ManualClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Test wiring: the service's clock becomes a {@link ManualClock} where a test sets {@code
 * imbot.test.manual-clock=true}; every instance a test starts begins at the same instant.
 */
@Factory
@Requires(property = "imbot.test.manual-clock", value = "true")
class ManualClockFactory {
  static final Instant START = Instant.parse("2026-11-24T10:05:20Z");

  @Singleton
  @Replaces(bean = Clock.class, factory = UseCaseFactory.class)
  ManualClock clock() {
    return new ManualClock(START);
  }
}
