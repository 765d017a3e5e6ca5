package dev.imbot.domain.rejection;

import dev.imbot.domain.event.BotEvent;

/**
 * The Bitrix24 error a rejection answers with: HTTP status, {@code error} code and {@code
 * error_description} text, word for word as Bitrix24 sends them. The one mapping from {@link
 * RejectionReason} to the wire, read by the REST adapter and checked against the spec tables.
 *
 * @param httpStatus the HTTP status of the response
 * @param code the {@code error} field
 * @param description the {@code error_description} field
 */
public record BitrixError(int httpStatus, String code, String description) {

  /** The error for a rejection; the switch is exhaustive, so a new reason must be mapped here. */
  public static BitrixError of(Rejection rejection) {
    return switch (rejection.reason()) {
      case CLIENT_ID_NOT_SPECIFIED ->
          new BitrixError(403, "ACCESS_DENIED", "Access denied! Client ID not specified");
      case HANDLER_NOT_SPECIFIED ->
          handler(
              rejection.event(),
              "Handler for \"" + rejection.event().title() + "\" event isn't specified");
      case HANDLER_URL_INVALID -> handler(rejection.event(), "Wrong handler URL");
      case HANDLER_PROTOCOL_UNSUPPORTED ->
          handler(rejection.event(), "Unsupported handler protocol");
      case CODE_NOT_SPECIFIED -> badRequest("CODE_ERROR", "Bot code isn't specified");
      case NAME_NOT_SPECIFIED -> badRequest("NAME_ERROR", "Bot name isn't specified");
      case FIELD_INVALID -> badRequest("WRONG_REQUEST", rejection.field() + " " + rejection.rule());
      case MAX_COUNT_REACHED ->
          badRequest(
              "MAX_COUNT_ERROR",
              "Has reached the maximum number of bots for application (max: "
                  + rejection.limit()
                  + ")");
      case EMAIL_IN_USE ->
          badRequest("WRONG_REQUEST", "Bot can't be created: e-mail is already in use");
      case CREATION_FAILED -> badRequest("WRONG_REQUEST", "Bot can't be created");
      case BOT_NOT_FOUND -> badRequest("BOT_ID_ERROR", "Bot not found");
      case BOT_OF_ANOTHER_APPLICATION ->
          badRequest("APP_ID_ERROR", "Bot was installed by another rest application");
      case DELETION_FAILED -> badRequest("WRONG_REQUEST", "Bot can't be deleted");
      case UPDATE_FIELDS_EMPTY -> badRequest("WRONG_REQUEST", "Update fields can't be empty");
      case UPDATE_CODE_IN_USE ->
          badRequest("WRONG_REQUEST", "Bot can't be updated: code is already in use");
      case UPDATE_EMAIL_IN_USE ->
          badRequest("WRONG_REQUEST", "Bot can't be updated: e-mail is already in use");
      case UPDATE_FAILED -> badRequest("WRONG_REQUEST", "Bot can't be updated");
      case WRONG_AUTHORIZATION -> new BitrixError(401, "NO_AUTH_FOUND", "Wrong authorization data");
      case ACCESS_TOKEN_EXPIRED ->
          new BitrixError(401, "expired_token", "The access token provided has expired.");
    };
  }

  private static BitrixError handler(BotEvent event, String description) {
    return badRequest(event.parameterName() + "_ERROR", description);
  }

  private static BitrixError badRequest(String code, String description) {
    return new BitrixError(400, code, description);
  }
}
