package dev.imbot.adapter.rest;

import dev.imbot.domain.common.ManualClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Test wiring: a {@link ManualClock} for the whole service where {@code imbot.test.manual-clock},
 * moving {@code imbot.test.manual-clock-step} at every reading (none unless set).
 */
@Factory
@Requires(property = "imbot.test.manual-clock", value = "true")
public class ManualClockServices {

  @Singleton
  @Replaces(bean = Clock.class, factory = InMemoryServices.class)
  ManualClock clock(@Value("${imbot.test.manual-clock-step:0s}") Duration step) {
    return new ManualClock(Instant.parse("2026-11-24T10:05:20Z"), step);
  }
}
