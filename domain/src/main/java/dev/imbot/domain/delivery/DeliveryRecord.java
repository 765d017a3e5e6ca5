package dev.imbot.domain.delivery;

import dev.imbot.domain.event.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A delivery as the operator lists it: which event went (or goes) to which handler, and where it
 * stands.
 *
 * @param id the delivery's id, also its {@code webhook-id}
 * @param application the application whose handler receives it
 * @param event the event's wire name
 * @param handlerUrl where it goes
 * @param botIds the bots the event concerns, in order (empty for an application event)
 * @param status pending, delivered or dead
 * @param attempts attempts made in its current series (a replay starts a new one)
 * @param replays how many times the operator replayed it
 * @param createdAt when the event was recorded
 * @param nextAttemptAt when a pending delivery is due; null once it is delivered or dead
 * @param finishedAt when it was delivered or went dead; null while pending
 * @param lastError the cause of its last failure, null when none failed (or since a replay)
 */
public record DeliveryRecord(
    long id,
    String application,
    String event,
    String handlerUrl,
    List<Long> botIds,
    DeliveryStatus status,
    int attempts,
    int replays,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant finishedAt,
    String lastError) {

  public DeliveryRecord {
    if (id <= 0) {
      throw new IllegalArgumentException("a delivery id must be positive, was " + id);
    }
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(handlerUrl, "handlerUrl");
    botIds = List.copyOf(botIds);
    Objects.requireNonNull(status, "status");
    if (attempts < 0 || replays < 0) {
      throw new IllegalArgumentException("attempts and replays are never negative");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    if ((status == DeliveryStatus.PENDING) != (finishedAt == null)) {
      throw new IllegalArgumentException("a delivery is finished exactly when it is not pending");
    }
    if (status != DeliveryStatus.PENDING) {
      nextAttemptAt = null;
    }
  }

  /** The handler's host as the isolation limits count it ({@code host:port}). */
  public String host() {
    return HandlerHost.of(handlerUrl);
  }
}
