package dev.imbot.domain.bot;

import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import java.util.Objects;

/**
 * A refused bot operation: the reason, and the bot limit for {@link
 * BotRejectionReason#MAX_COUNT_REACHED}.
 *
 * @param reason why the operation was refused
 * @param limit the bot limit, exactly for {@link BotRejectionReason#MAX_COUNT_REACHED}
 */
public record BotRejection(BotRejectionReason reason, Integer limit) implements Rejection {

  public BotRejection {
    Objects.requireNonNull(reason, "reason");
    if ((reason == BotRejectionReason.MAX_COUNT_REACHED) != (limit != null)) {
      throw new IllegalArgumentException("limit must be given exactly for MAX_COUNT_REACHED");
    }
  }

  /** A rejection that needs nothing but its reason. */
  public static BotRejection of(BotRejectionReason reason) {
    return new BotRejection(reason, null);
  }

  /** The bot limit is reached. */
  public static BotRejection maxCountReached(int limit) {
    return new BotRejection(BotRejectionReason.MAX_COUNT_REACHED, limit);
  }

  /** The error; the switch is exhaustive, so a new reason must be stated here. */
  @Override
  public BitrixError error() {
    return switch (reason) {
      case CODE_NOT_SPECIFIED -> new BitrixError("CODE_ERROR", "Bot code isn't specified");
      case NAME_NOT_SPECIFIED -> new BitrixError("NAME_ERROR", "Bot name isn't specified");
      case MAX_COUNT_REACHED ->
          new BitrixError(
              "MAX_COUNT_ERROR",
              "Has reached the maximum number of bots for application (max: " + limit + ")");
      case EMAIL_IN_USE ->
          new BitrixError("WRONG_REQUEST", "Bot can't be created: e-mail is already in use");
      case CREATION_FAILED -> new BitrixError("WRONG_REQUEST", "Bot can't be created");
      case BOT_NOT_FOUND -> new BitrixError("BOT_ID_ERROR", "Bot not found");
      case BOT_OF_ANOTHER_APPLICATION ->
          new BitrixError("APP_ID_ERROR", "Bot was installed by another rest application");
      case DELETION_FAILED -> new BitrixError("WRONG_REQUEST", "Bot can't be deleted");
      case UPDATE_FIELDS_EMPTY -> new BitrixError("WRONG_REQUEST", "Update fields can't be empty");
      case UPDATE_CODE_IN_USE ->
          new BitrixError("WRONG_REQUEST", "Bot can't be updated: code is already in use");
      case UPDATE_EMAIL_IN_USE ->
          new BitrixError("WRONG_REQUEST", "Bot can't be updated: e-mail is already in use");
      case UPDATE_FAILED -> new BitrixError("WRONG_REQUEST", "Bot can't be updated");
    };
  }
}
