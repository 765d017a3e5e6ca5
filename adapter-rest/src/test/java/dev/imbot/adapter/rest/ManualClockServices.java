package dev.imbot.adapter.rest;

import dev.imbot.domain.common.ManualClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Test wiring: a {@link ManualClock} for the whole service where {@code imbot.test.manual-clock}.
 */
@Factory
@Requires(property = "imbot.test.manual-clock", value = "true")
public class ManualClockServices {

  @Singleton
  @Replaces(bean = Clock.class, factory = InMemoryServices.class)
  ManualClock clock() {
    return new ManualClock(Instant.parse("2026-11-24T10:05:20Z"));
  }
}
