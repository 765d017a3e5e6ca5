package dev.imbot.domain.event;

import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import java.util.Objects;

/**
 * A refused event handler: the reason and the event whose handler is at fault; the error code is
 * the event's parameter name with {@code _ERROR} ({@code EVENT_MESSAGE_ADD_ERROR}).
 *
 * @param reason why the handler was refused
 * @param event the event whose handler is at fault
 */
public record HandlerRejection(HandlerRejectionReason reason, BotEvent event) implements Rejection {

  public HandlerRejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(event, "event");
  }

  public static HandlerRejection of(HandlerRejectionReason reason, BotEvent event) {
    return new HandlerRejection(reason, event);
  }

  @Override
  public BitrixError error() {
    String code = event.parameterName() + "_ERROR";
    return switch (reason) {
      case HANDLER_NOT_SPECIFIED ->
          new BitrixError(code, "Handler for \"" + event.title() + "\" event isn't specified");
      case HANDLER_URL_INVALID -> new BitrixError(code, "Wrong handler URL");
      case HANDLER_PROTOCOL_UNSUPPORTED -> new BitrixError(code, "Unsupported handler protocol");
    };
  }
}
