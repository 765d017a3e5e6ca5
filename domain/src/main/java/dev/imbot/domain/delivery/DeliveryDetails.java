package dev.imbot.domain.delivery;

import dev.imbot.domain.event.EventData;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery with everything the operator may ask about it: where it stands, its attempt log in
 * order, and its body as stored.
 *
 * @param delivery where it stands
 * @param handlerBindingId the binding's id, sent as {@code event_handler_id}
 * @param data the {@code data[...]} tree as recorded
 * @param attempts its attempt log, oldest first, every series
 */
public record DeliveryDetails(
    DeliveryRecord delivery, long handlerBindingId, EventData data, List<LoggedAttempt> attempts) {

  public DeliveryDetails {
    Objects.requireNonNull(delivery, "delivery");
    if (handlerBindingId < 0) {
      throw new IllegalArgumentException("a handler binding id is never negative");
    }
    Objects.requireNonNull(data, "data");
    attempts = List.copyOf(attempts);
  }

  /** The last attempt made, if any. */
  public Optional<LoggedAttempt> lastAttempt() {
    return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
  }

  /**
   * The body as stored, in the order it is sent: {@code event}, {@code event_handler_id}, {@code
   * data[...]} as recorded, and {@code ts} of the last attempt (of {@code now} before any). What
   * each attempt adds with tokens minted then, the {@code auth} block and the bots' token blocks in
   * {@code data[BOT][<id>]}, is never stored, so it is not part of it.
   */
  public FormFields body(Instant now) {
    Instant sentAt = lastAttempt().map(a -> a.attempt().startedAt()).orElse(now);
    return FormFields.builder()
        .add("event", delivery.event())
        .add("event_handler_id", Long.toString(handlerBindingId))
        .addData("data", data)
        .add("ts", Long.toString(sentAt.getEpochSecond()))
        .build();
  }
}
