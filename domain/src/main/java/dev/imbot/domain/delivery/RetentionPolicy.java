package dev.imbot.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long finished deliveries are kept, with their attempt logs: delivered ones 7 days and dead
 * ones 30 days by default, counted from when they finished. A pending delivery is never pruned.
 */
public record RetentionPolicy(Duration delivered, Duration dead) {
  public static final RetentionPolicy DEFAULT =
      new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(30));

  public RetentionPolicy {
    Objects.requireNonNull(delivered, "delivered");
    Objects.requireNonNull(dead, "dead");
    if (delivered.isNegative() || delivered.isZero() || dead.isNegative() || dead.isZero()) {
      throw new IllegalArgumentException("retention periods are positive");
    }
  }

  /** Delivered deliveries that finished before this instant are pruned at {@code now}. */
  public Instant deliveredCutoff(Instant now) {
    return now.minus(delivered);
  }

  /** Dead deliveries that finished before this instant are pruned at {@code now}. */
  public Instant deadCutoff(Instant now) {
    return now.minus(dead);
  }
}
