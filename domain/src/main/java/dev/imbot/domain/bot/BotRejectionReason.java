package dev.imbot.domain.bot;

import dev.imbot.domain.rejection.RejectionReason;

/** Why the registry refused a bot's registration, update or removal: a closed set. */
public enum BotRejectionReason implements RejectionReason {
  /** {@code CODE} missing or blank. */
  CODE_NOT_SPECIFIED,
  /** No non-blank {@code NAME} or {@code LAST_NAME}. */
  NAME_NOT_SPECIFIED,
  /** The application has reached its bot limit; the rejection carries the limit. */
  MAX_COUNT_REACHED,
  /** A new bot's e-mail belongs to a portal user or another bot. */
  EMAIL_IN_USE,
  /** Anything else prevents creation. */
  CREATION_FAILED,
  /** {@code BOT_ID} missing, not a positive integer, or no such bot. */
  BOT_NOT_FOUND,
  /** The bot belongs to another application. */
  BOT_OF_ANOTHER_APPLICATION,
  /** Anything else prevents deletion. */
  DELETION_FAILED,
  /** An update's {@code FIELDS} missing or holding nothing usable. */
  UPDATE_FIELDS_EMPTY,
  /** The new {@code CODE} is used by another bot of the application. */
  UPDATE_CODE_IN_USE,
  /** The new e-mail belongs to a portal user or another bot. */
  UPDATE_EMAIL_IN_USE,
  /** Anything else prevents the update. */
  UPDATE_FAILED
}
