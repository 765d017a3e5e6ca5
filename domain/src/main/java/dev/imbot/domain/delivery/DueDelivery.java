package dev.imbot.domain.delivery;

import java.util.Objects;

/**
 * A delivery a worker has claimed and is about to attempt: which event goes to which handler, and
 * its body but for what each attempt adds ({@code ts}, this attempt's Unix seconds).
 *
 * @param id the delivery's id, stable across attempts and replays (its {@code webhook-id})
 * @param application the application whose handler receives it (whose secret signs it)
 * @param event the event's wire name
 * @param handlerUrl where it goes
 * @param head the fields before {@code ts}: {@code event}, {@code event_handler_id}, {@code
 *     data[...]}
 * @param auth the fields after {@code ts}: the {@code auth[...]} blocks, rendered for this attempt
 * @param attemptsMade attempts made in this series before this one
 */
public record DueDelivery(
    long id,
    String application,
    String event,
    String handlerUrl,
    FormFields head,
    FormFields auth,
    int attemptsMade) {
  public DueDelivery {
    if (id <= 0) {
      throw new IllegalArgumentException("a delivery id must be positive, was " + id);
    }
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(handlerUrl, "handlerUrl");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(auth, "auth");
    if (attemptsMade < 0) {
      throw new IllegalArgumentException("attempts made must not be negative");
    }
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
