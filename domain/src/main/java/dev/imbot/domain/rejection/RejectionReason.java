package dev.imbot.domain.rejection;

/**
 * Why a request was refused: a closed set with one entry per row of the spec's error tables ({@code
 * imbot.register}, {@code imbot.unregister}, {@code imbot.update}). {@link BitrixError} maps each
 * to its Bitrix24 code, text and HTTP status.
 */
public enum RejectionReason {
  /** Register row 1 (and every lifecycle method): webhook call without {@code CLIENT_ID}. */
  CLIENT_ID_NOT_SPECIFIED,
  /** Register rows 2, 5, 6: a required handler is missing. Carries the event. */
  HANDLER_NOT_SPECIFIED,
  /** Register rows 2–6, update: a handler URL does not parse or breaks the URL rule. */
  HANDLER_URL_INVALID,
  /** Register rows 2–6, update: a handler URL with a scheme other than http/https. */
  HANDLER_PROTOCOL_UNSUPPORTED,
  /** Register row 7: {@code CODE} missing or blank. */
  CODE_NOT_SPECIFIED,
  /** Register row 8, update: no non-blank {@code NAME} or {@code LAST_NAME}. */
  NAME_NOT_SPECIFIED,
  /** Register row 9, update: any other field invalid. Carries the field and the rule. */
  FIELD_INVALID,
  /** Register row 11: the application has reached its bot limit. Carries the limit. */
  MAX_COUNT_REACHED,
  /** Register row 12: the e-mail belongs to a portal user or another bot. */
  EMAIL_IN_USE,
  /** Register row 13: anything else prevents creation. */
  CREATION_FAILED,
  /** Unregister / update: {@code BOT_ID} missing, not a positive integer, or no such bot. */
  BOT_NOT_FOUND,
  /** Unregister / update: the bot belongs to another application. */
  BOT_OF_ANOTHER_APPLICATION,
  /** Unregister: anything else prevents deletion. */
  DELETION_FAILED,
  /** Update: {@code FIELDS} missing or holding nothing usable. */
  UPDATE_FIELDS_EMPTY,
  /** Update: the new {@code CODE} is used by another bot of the application. */
  UPDATE_CODE_IN_USE,
  /** Update: the new e-mail belongs to a portal user or another bot. */
  UPDATE_EMAIL_IN_USE,
  /** Update: anything else prevents the update. */
  UPDATE_FAILED,
  /** Transport: unknown or wrong webhook secret or access token, or no credentials at all. */
  WRONG_AUTHORIZATION,
  /** Transport: the access token has expired (clients refresh on exactly this code). */
  ACCESS_TOKEN_EXPIRED
}
