package dev.imbot.domain.chat;

import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import java.util.Objects;

/**
 * A refused message or chat operation, with Bitrix24's error code and text for it.
 *
 * @param reason why the operation was refused
 */
public record ChatRejection(ChatRejectionReason reason) implements Rejection {

  public ChatRejection {
    Objects.requireNonNull(reason, "reason");
  }

  public static ChatRejection of(ChatRejectionReason reason) {
    return new ChatRejection(reason);
  }

  /** Shorthand: the rejection as an exception to throw. */
  public static RuntimeException refuse(ChatRejectionReason reason) {
    return of(reason).toException();
  }

  /** The error; the switch is exhaustive, so a new reason must be stated here. */
  @Override
  public BitrixError error() {
    return switch (reason) {
      case DIALOG_ID_EMPTY -> new BitrixError("DIALOG_ID_EMPTY", "Dialog ID can't be empty");
      case CHAT_ID_EMPTY -> new BitrixError("CHAT_ID_EMPTY", "Chat ID can't be empty");
      case USER_ID_EMPTY -> new BitrixError("USER_ID_EMPTY", "User ID can't be empty");
      case USER_NOT_FOUND -> new BitrixError("USER_NOT_FOUND", "User not found");
      case TITLE_EMPTY -> new BitrixError("TITLE_EMPTY", "Title can't be empty");
      case MESSAGE_EMPTY -> new BitrixError("MESSAGE_EMPTY", "Message can't be empty");
      case MESSAGE_WRONG_TYPE -> new BitrixError("MESSAGE_EMPTY", "Wrong message type");
      case MESSAGE_ID_EMPTY -> new BitrixError("MESSAGE_ID_ERROR", "Message ID can't be empty");
      case ATTACH_INVALID -> new BitrixError("ATTACH_ERROR", "Incorrect attach params");
      case ATTACH_OVERSIZE ->
          new BitrixError(
              "ATTACH_OVERSIZE", "You have exceeded the maximum allowable size of attach");
      case KEYBOARD_INVALID -> new BitrixError("KEYBOARD_ERROR", "Incorrect keyboard params");
      case KEYBOARD_OVERSIZE ->
          new BitrixError(
              "KEYBOARD_OVERSIZE", "You have exceeded the maximum allowable size of keyboard");
      case MENU_INVALID -> new BitrixError("MENU_ERROR", "Incorrect menu params");
      case MENU_INVALID_ON_UPDATE -> new BitrixError("menu_ERROR", "Incorrect menu params");
      case MENU_OVERSIZE ->
          new BitrixError("MENU_OVERSIZE", "You have exceeded the maximum allowable size of menu");
      case CANT_EDIT_MESSAGE ->
          new BitrixError(
              "CANT_EDIT_MESSAGE", "Time has expired for modification or you don't have access");
      case WITHOUT_CHANGES ->
          new BitrixError("WITHOUT_CHANGES", "Action completed without changes");
      case MESSAGE_NOT_ADDED -> new BitrixError("WRONG_REQUEST", "Message isn't added");
      case MESSAGE_NOT_ADDED_BY_USER -> new BitrixError("PARAMS_ERROR", "Message isn't added");
      case PARAMS_INCORRECT -> new BitrixError("PARAMS_ERROR", "Incorrect params");
      case DIALOG_ACCESS_DENIED ->
          new BitrixError("ACCESS_ERROR", "You do not have access to the specified dialog");
      case CHAT_NOT_ACCESSIBLE ->
          new BitrixError("ACCESS_ERROR", "You don't have access to this chat");
      case LAST_ID_STRING -> new BitrixError("LAST_ID_STRING", "Last ID can't be string");
      case FIRST_ID_STRING -> new BitrixError("FIRST_ID_STRING", "First ID can't be string");
      case USERS_WRONG_TYPE -> new BitrixError("INVALID_FORMAT", "Parameter USERS has wrong type");
      case CHAT_NOT_CREATED -> new BitrixError("WRONG_REQUEST", "Chat can't be created");
      case ACTION_UNAVAILABLE -> new BitrixError("ACCESS_ERROR", "Action unavailable");
      case ADD_USERS_FORBIDDEN ->
          new BitrixError("ACCESS_ERROR", "It is forbidden to add users to this chat");
      case DELETE_USERS_FORBIDDEN ->
          new BitrixError("ACCESS_ERROR", "It is forbidden to delete users of this chat");
      case OWNER_CANT_LEAVE ->
          new BitrixError(
              "LEAVE_OWNER_FORBIDDEN", "The owner can't leave the chat while it has other members");
      case RENAME_FORBIDDEN -> new BitrixError("ACCESS_ERROR", "This chat cannot be renamed");
      case ALREADY_MEMBER ->
          new BitrixError("WRONG_REQUEST", "You don't have access or user already member in chat");
      case NOT_MEMBER ->
          new BitrixError("WRONG_REQUEST", "You don't have access or user isn't member in chat");
      case OWNER_CHANGE_REFUSED ->
          new BitrixError(
              "WRONG_REQUEST", "Change owner can only owner and user must be member in chat");
    };
  }
}
