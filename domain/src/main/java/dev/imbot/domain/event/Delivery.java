package dev.imbot.domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded event and where its delivery stands. A new delivery is {@link DeliveryStatus#PENDING},
 * unattempted, due at once and unclaimed.
 *
 * @param id the delivery's id, stable across attempts (the {@code webhook-id} a handler can
 *     de-duplicate by)
 * @param event the event as recorded
 * @param status pending, delivered or dead
 * @param attempts attempts made so far
 * @param nextAttemptAt when a pending delivery is due
 * @param leaseOwner the instance that claimed it, null when unclaimed
 * @param leaseUntil when that claim lapses, null when unclaimed
 * @param lastError the cause of the last failed attempt, null when none failed
 */
public record Delivery(
    long id,
    PendingEvent event,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    String leaseOwner,
    Instant leaseUntil,
    String lastError) {

  public Delivery {
    if (id <= 0) {
      throw new IllegalArgumentException("a delivery id must be positive, was " + id);
    }
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(status, "status");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    if ((leaseOwner == null) != (leaseUntil == null)) {
      throw new IllegalArgumentException("a lease has both an owner and an end, or neither");
    }
  }

  /** The delivery of {@code event} as it is enqueued: pending, due at once, unclaimed. */
  public static Delivery enqueued(long id, PendingEvent event) {
    return new Delivery(id, event, DeliveryStatus.PENDING, 0, event.createdAt(), null, null, null);
  }
}
