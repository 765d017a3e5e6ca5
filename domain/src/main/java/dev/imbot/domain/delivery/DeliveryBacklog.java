package dev.imbot.domain.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * How much waits in the store: the pending deliveries, the oldest of them, and the dead ones.
 *
 * @param oldestPendingAt when the oldest pending delivery was recorded, null when none is pending
 */
public record DeliveryBacklog(long pending, Instant oldestPendingAt, long dead) {
  public DeliveryBacklog {
    if (pending < 0 || dead < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
    if ((pending == 0) != (oldestPendingAt == null)) {
      throw new IllegalArgumentException(
          "the oldest pending delivery exists exactly when any does");
    }
  }

  /** How long the oldest pending delivery has waited at {@code now}; zero when none is pending. */
  public Duration oldestPendingAge(Instant now) {
    if (oldestPendingAt == null || oldestPendingAt.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(oldestPendingAt, now);
  }
}
