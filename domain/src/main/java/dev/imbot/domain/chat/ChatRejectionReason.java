package dev.imbot.domain.chat;

import dev.imbot.domain.rejection.RejectionReason;

/** Why the messenger refused a message or chat operation: a closed set. */
public enum ChatRejectionReason implements RejectionReason {
  /** {@code DIALOG_ID} missing or not a user id or {@code chat<ID>}. */
  DIALOG_ID_EMPTY,
  /** {@code CHAT_ID} missing or not positive. */
  CHAT_ID_EMPTY,
  /** {@code USER_ID} missing or not positive. */
  USER_ID_EMPTY,
  /** A private dialog's other user does not exist. */
  USER_NOT_FOUND,
  /** {@code TITLE} missing or blank. */
  TITLE_EMPTY,
  /** {@code MESSAGE} empty after trimming (and nothing else to post). */
  MESSAGE_EMPTY,
  /** {@code MESSAGE} sent as something other than text. */
  MESSAGE_WRONG_TYPE,
  /** {@code MESSAGE_ID} missing or not positive. */
  MESSAGE_ID_EMPTY,
  /** {@code ATTACH} does not have an attachment's shape. */
  ATTACH_INVALID,
  /** {@code ATTACH} is over the size limit. */
  ATTACH_OVERSIZE,
  /** {@code KEYBOARD} holds no valid button. */
  KEYBOARD_INVALID,
  /** {@code KEYBOARD} is over the size limit. */
  KEYBOARD_OVERSIZE,
  /** {@code MENU} holds no valid item ({@code imbot.message.add}, {@code im.message.add}). */
  MENU_INVALID,
  /** {@code MENU} holds no valid item on an update: Bitrix24's lower-case {@code menu_ERROR}. */
  MENU_INVALID_ON_UPDATE,
  /** {@code MENU} is over the size limit. */
  MENU_OVERSIZE,
  /** The edit window has passed, the caller is not the author, or the message is gone. */
  CANT_EDIT_MESSAGE,
  /** A like that changes nothing. */
  WITHOUT_CHANGES,
  /** A bot may not post there: not a member, or no such chat. */
  MESSAGE_NOT_ADDED,
  /** A person may not post there: not a member of the chat. */
  MESSAGE_NOT_ADDED_BY_USER,
  /** Neither a user nor a chat to post to. */
  PARAMS_INCORRECT,
  /** The caller may not see the dialog. */
  DIALOG_ACCESS_DENIED,
  /** The chat id names no chat. */
  CHAT_NOT_ACCESSIBLE,
  /** {@code LAST_ID} is not a number. */
  LAST_ID_STRING,
  /** {@code FIRST_ID} is not a number. */
  FIRST_ID_STRING,
  /** {@code USERS} holds something other than ids. */
  USERS_WRONG_TYPE,
  /** The chat could not be created. */
  CHAT_NOT_CREATED,
  /** The action is not available in this chat (a private dialog). */
  ACTION_UNAVAILABLE,
  /** The caller may not add users to this chat. */
  ADD_USERS_FORBIDDEN,
  /** The caller may not remove users of this chat. */
  DELETE_USERS_FORBIDDEN,
  /** The owner may not leave or be removed while other members remain. */
  OWNER_CANT_LEAVE,
  /** The caller may not rename this chat. */
  RENAME_FORBIDDEN,
  /** Nobody new to add, or the caller may not add. */
  ALREADY_MEMBER,
  /** The user to remove is no member, or the caller may not remove them. */
  NOT_MEMBER,
  /** Only the owner may give the chat away, and only to a member. */
  OWNER_CHANGE_REFUSED
}
