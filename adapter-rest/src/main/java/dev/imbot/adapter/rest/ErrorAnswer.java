package dev.imbot.adapter.rest;

import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.event.HandlerRejection;
import dev.imbot.domain.portal.AccessRejection;
import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.Rejection;

/**
 * An error answer on the wire: the HTTP status with the Bitrix24 {@code error} code and {@code
 * error_description} text. The domain states the code and text of a rejection; the status is the
 * transport's, chosen here for every context's rejections.
 *
 * @param status the HTTP status of the response
 * @param code the {@code error} field
 * @param description the {@code error_description} field
 */
public record ErrorAnswer(int status, String code, String description) {

  /** The answer for a domain rejection: its Bitrix error with the status of {@link #statusOf}. */
  public static ErrorAnswer of(Rejection rejection) {
    BitrixError error = rejection.error();
    return new ErrorAnswer(statusOf(rejection), error.code(), error.description());
  }

  /**
   * The HTTP status Bitrix24 answers a rejection with: {@code 401} when the caller is unknown or
   * its token expired, {@code 403} when a webhook call names no application or a messenger action
   * is not the caller's to take (editing another's message, a dialog they may not see, a chat that
   * forbids it), {@code 400} for every refused request (bots, commands, handlers, fields).
   */
  public static int statusOf(Rejection rejection) {
    if (rejection instanceof AccessRejection access) {
      return switch (access.reason()) {
        case CLIENT_ID_NOT_SPECIFIED -> 403;
        case WRONG_AUTHORIZATION, ACCESS_TOKEN_EXPIRED -> 401;
      };
    }
    if (rejection instanceof ChatRejection chat) {
      return switch (chat.reason()) {
        case CANT_EDIT_MESSAGE,
            DIALOG_ACCESS_DENIED,
            ACTION_UNAVAILABLE,
            ADD_USERS_FORBIDDEN,
            DELETE_USERS_FORBIDDEN,
            OWNER_CANT_LEAVE,
            RENAME_FORBIDDEN ->
            403;
        default -> 400;
      };
    }
    if (rejection instanceof BotRejection
        || rejection instanceof CommandRejection
        || rejection instanceof HandlerRejection
        || rejection instanceof InvalidField) {
      return 400;
    }
    throw new IllegalArgumentException(
        "no HTTP status for " + rejection.getClass().getName() + ": map its context here");
  }
}
