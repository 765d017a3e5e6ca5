package dev.imbot.domain.delivery;

import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery a worker has claimed and is about to attempt: which event goes to which handler, its
 * recorded {@code data[...]} and whose {@code auth} blocks it carries. What each attempt adds (the
 * {@code auth} blocks with tokens minted then, and {@code ts}) is rendered at the attempt.
 *
 * @param id the delivery's id, stable across attempts and replays (its {@code webhook-id})
 * @param application the application whose handler receives it (whose secret signs it)
 * @param event the event's wire name
 * @param handlerBindingId the binding's id, sent as {@code event_handler_id}
 * @param handlerUrl where it goes
 * @param data the {@code data[...]} tree as recorded, before any bot's token block is merged in
 * @param subjects whose {@code auth} blocks each attempt renders
 * @param attemptsMade attempts made in this series before this one
 * @param dueAt when it was due, as claimed: with the id, its place in the claims' order
 */
public record DueDelivery(
    long id,
    String application,
    String event,
    long handlerBindingId,
    String handlerUrl,
    EventData data,
    AuthSubjects subjects,
    int attemptsMade,
    Instant dueAt) {
  public DueDelivery {
    if (id <= 0) {
      throw new IllegalArgumentException("a delivery id must be positive, was " + id);
    }
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(event, "event");
    if (handlerBindingId < 0) {
      throw new IllegalArgumentException("a handler binding id is never negative");
    }
    Objects.requireNonNull(handlerUrl, "handlerUrl");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(subjects, "subjects");
    if (attemptsMade < 0) {
      throw new IllegalArgumentException("attempts made must not be negative");
    }
    Objects.requireNonNull(dueAt, "dueAt");
  }

  /**
   * The same delivery as claimed: {@code attemptsMade} attempts behind it, due at {@code dueAt}.
   */
  public DueDelivery claimedAs(int attemptsMade, Instant dueAt) {
    return new DueDelivery(
        id, application, event, handlerBindingId, handlerUrl, data, subjects, attemptsMade, dueAt);
  }

  /** Its place in the order claims take deliveries in. */
  public DuePosition position() {
    return new DuePosition(dueAt, id);
  }

  /** The {@code webhook-id}: the delivery's id as text, the same for every attempt and replay. */
  public String webhookId() {
    return Long.toString(id);
  }

  /** The handler's host as the isolation limits count it, e.g. {@code bots.example.com:8443}. */
  public String host() {
    return HandlerHost.of(handlerUrl);
  }
}
