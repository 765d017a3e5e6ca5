package dev.imbot.domain.command;

import dev.imbot.domain.event.HandlerRejectionReason;
import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import java.util.Objects;

/**
 * A refused slash command method, with Bitrix24's error code and text for it.
 *
 * @param reason why the method was refused
 */
public record CommandRejection(CommandRejectionReason reason) implements Rejection {

  public CommandRejection {
    Objects.requireNonNull(reason, "reason");
  }

  public static CommandRejection of(CommandRejectionReason reason) {
    return new CommandRejection(reason);
  }

  /** Shorthand: the rejection as an exception to throw. */
  public static RuntimeException refuse(CommandRejectionReason reason) {
    return of(reason).toException();
  }

  /** The rejection of an {@code EVENT_COMMAND_ADD} the handler URL rule refuses. */
  static CommandRejection ofHandler(HandlerRejectionReason reason) {
    return of(
        switch (reason) {
          case HANDLER_NOT_SPECIFIED -> CommandRejectionReason.HANDLER_NOT_SPECIFIED;
          case HANDLER_URL_INVALID -> CommandRejectionReason.HANDLER_URL_INVALID;
          case HANDLER_PROTOCOL_UNSUPPORTED -> CommandRejectionReason.HANDLER_PROTOCOL_UNSUPPORTED;
        });
  }

  /** The error; the switch is exhaustive, so a new reason must be stated here. */
  @Override
  public BitrixError error() {
    return switch (reason) {
      case HANDLER_NOT_SPECIFIED ->
          new BitrixError(
              "EVENT_COMMAND_ADD_ERROR", "Handler for \"Command add\" event isn't specified");
      case HANDLER_URL_INVALID -> new BitrixError("EVENT_COMMAND_ADD_ERROR", "Wrong handler URL");
      case HANDLER_PROTOCOL_UNSUPPORTED ->
          new BitrixError("EVENT_COMMAND_ADD_ERROR", "Unsupported handler protocol");
      case COMMAND_NOT_SPECIFIED -> new BitrixError("COMMAND_ERROR", "Command isn't specified");
      case LANG_EMPTY -> new BitrixError("LANG_ERROR", "Lang set can't be empty");
      case CREATION_FAILED -> new BitrixError("WRONG_REQUEST", "Command can't be created");
      case COMMAND_NOT_FOUND -> new BitrixError("COMMAND_ID_ERROR", "Command not found");
      case COMMAND_OF_ANOTHER_APPLICATION ->
          new BitrixError("APP_ID_ERROR", "Command was installed by another rest application");
      case UPDATE_FIELDS_EMPTY -> new BitrixError("WRONG_REQUEST", "Update fields can't be empty");
      case UPDATE_FAILED -> new BitrixError("WRONG_REQUEST", "Command can't be updated");
      case DELETION_FAILED -> new BitrixError("WRONG_REQUEST", "Command can't be deleted");
      case MESSAGE_ID_EMPTY -> new BitrixError("MESSAGE_ID_EMPTY", "Message ID can't be empty");
      case BOT_ID_EMPTY -> new BitrixError("BOT_ID_ERROR", "Bot ID can't be empty");
      case COMMAND_EMPTY -> new BitrixError("COMMAND_ERROR", "Command can't be empty");
      case BUTTON_NOT_FOUND -> new BitrixError("PARAMS_ERROR", "Incorrect params");
    };
  }
}
