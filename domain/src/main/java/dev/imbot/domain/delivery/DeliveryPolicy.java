package dev.imbot.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Judges an attempt: any {@code 2xx} delivers; {@code 410 Gone} and a blocked address end the
 * series at once; anything else is retried on the schedule, later when a {@code 429} or {@code 503}
 * says {@code Retry-After}, and dead when the schedule runs out.
 */
public final class DeliveryPolicy {
  private final RetrySchedule schedule;
  private final DoubleSupplier random;

  public DeliveryPolicy(RetrySchedule schedule, DoubleSupplier random) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.random = Objects.requireNonNull(random, "random");
  }

  public RetrySchedule schedule() {
    return schedule;
  }

  /**
   * The verdict on attempt number {@code attempt} of a series (1 for the first), ended at {@code
   * now}.
   */
  public Verdict judge(AttemptResult result, int attempt, Instant now) {
    Duration retryAfter = null;
    if (result instanceof AttemptResult.Answered answered) {
      if (answered.successful()) {
        return new Verdict.Delivered();
      }
      if (answered.status() == 410) {
        return new Verdict.Dead("HTTP 410: the handler is gone");
      }
      if (answered.status() == 429 || answered.status() == 503) {
        retryAfter = answered.retryAfter().orElse(null);
      }
    } else if (result instanceof AttemptResult.Blocked blocked) {
      return new Verdict.Dead(blocked.cause());
    }
    Duration delay = schedule.delayAfter(attempt, retryAfter, random);
    if (delay == null) {
      return new Verdict.Dead("gave up after " + attempt + " attempts: " + result.cause());
    }
    return new Verdict.RetryAt(now.plus(delay));
  }
}
