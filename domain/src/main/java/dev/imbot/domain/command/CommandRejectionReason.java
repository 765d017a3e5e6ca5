package dev.imbot.domain.command;

import dev.imbot.domain.rejection.RejectionReason;

/** Why a slash command method was refused: a closed set. */
public enum CommandRejectionReason implements RejectionReason {
  /** {@code EVENT_COMMAND_ADD} missing or blank. */
  HANDLER_NOT_SPECIFIED,
  /** {@code EVENT_COMMAND_ADD} does not parse or breaks the URL rule. */
  HANDLER_URL_INVALID,
  /** {@code EVENT_COMMAND_ADD} with a scheme other than http or https. */
  HANDLER_PROTOCOL_UNSUPPORTED,
  /** {@code COMMAND} missing or empty ({@code imbot.command.register}). */
  COMMAND_NOT_SPECIFIED,
  /** {@code LANG} missing or empty. */
  LANG_EMPTY,
  /** The command could not be stored. */
  CREATION_FAILED,
  /** {@code COMMAND_ID} (or {@code COMMAND}) names no command. */
  COMMAND_NOT_FOUND,
  /** The command belongs to another application. */
  COMMAND_OF_ANOTHER_APPLICATION,
  /** {@code FIELDS} holds nothing to change. */
  UPDATE_FIELDS_EMPTY,
  /** The change could not be stored (another command of the bot has the new name). */
  UPDATE_FAILED,
  /** The command could not be deleted. */
  DELETION_FAILED,
  /** {@code MESSAGE_ID} of an answer missing or not positive: Bitrix24's {@code _EMPTY}. */
  MESSAGE_ID_EMPTY,
  /** {@code BOT_ID} of a button press missing or not positive. */
  BOT_ID_EMPTY,
  /** {@code COMMAND} of a button press missing or empty. */
  COMMAND_EMPTY,
  /** No such button for the caller: no message, not a member of its chat, no such button on it. */
  BUTTON_NOT_FOUND
}
