package dev.imbot.domain.rejection;

import dev.imbot.domain.event.BotEvent;
import java.util.Objects;

/**
 * A refused request: the reason from a closed set plus what the reason needs to be stated (the
 * event of a handler error, the field and rule of an invalid field, the bot limit).
 *
 * @param reason why the request was refused
 * @param event the event whose handler is at fault, for the handler reasons; otherwise null
 * @param field the wire name of the invalid field, for {@link RejectionReason#FIELD_INVALID}
 * @param rule what the field must be, for {@link RejectionReason#FIELD_INVALID}
 * @param limit the bot limit, for {@link RejectionReason#MAX_COUNT_REACHED}
 */
public record Rejection(
    RejectionReason reason, BotEvent event, String field, String rule, Integer limit) {

  public Rejection {
    Objects.requireNonNull(reason, "reason");
    boolean handlerReason =
        reason == RejectionReason.HANDLER_NOT_SPECIFIED
            || reason == RejectionReason.HANDLER_URL_INVALID
            || reason == RejectionReason.HANDLER_PROTOCOL_UNSUPPORTED;
    if (handlerReason != (event != null)) {
      throw new IllegalArgumentException("event must be given exactly for handler reasons");
    }
    if ((reason == RejectionReason.FIELD_INVALID) != (field != null && rule != null)) {
      throw new IllegalArgumentException("field and rule must be given exactly for FIELD_INVALID");
    }
    if ((reason == RejectionReason.MAX_COUNT_REACHED) != (limit != null)) {
      throw new IllegalArgumentException("limit must be given exactly for MAX_COUNT_REACHED");
    }
  }

  /** A rejection that needs nothing but its reason. */
  public static Rejection of(RejectionReason reason) {
    return new Rejection(reason, null, null, null, null);
  }

  /** A handler rejection for one event. */
  public static Rejection handler(RejectionReason reason, BotEvent event) {
    return new Rejection(reason, Objects.requireNonNull(event, "event"), null, null, null);
  }

  /** An invalid field: {@code field} is its wire name, {@code rule} what it must be. */
  public static Rejection invalidField(String field, String rule) {
    return new Rejection(RejectionReason.FIELD_INVALID, null, field, rule, null);
  }

  /** The bot limit is reached. */
  public static Rejection maxCountReached(int limit) {
    return new Rejection(RejectionReason.MAX_COUNT_REACHED, null, null, null, limit);
  }

  /** Throws the rejection a policy found, if it found one. */
  public static void raiseIfPresent(java.util.Optional<Rejection> rejection) {
    if (rejection.isPresent()) {
      throw rejection.get().raise();
    }
  }

  /** Raises this rejection as an exception. */
  public RejectedException raise() {
    return new RejectedException(this);
  }

  /** The Bitrix24 error this rejection answers with. */
  public BitrixError toBitrixError() {
    return BitrixError.of(this);
  }
}
