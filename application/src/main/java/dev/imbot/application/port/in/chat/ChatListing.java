package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import java.util.Objects;

/**
 * One chat of a user's list, as that user sees it.
 *
 * @param chat the chat
 * @param type private, group or open
 * @param dialogId what the user calls it: the other user's id, or {@code chat<ID>}
 * @param title the chat's title, or the other user's full name for a private dialog
 * @param other the other user of a private dialog, null for a group-like chat (or one gone)
 * @param memberCount how many members it has
 * @param lastMessageId its newest message id, 0 when none
 */
public record ChatListing(
    ChatId chat,
    ChatType type,
    String dialogId,
    String title,
    ChatUser other,
    int memberCount,
    long lastMessageId) {

  public ChatListing {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(dialogId, "dialogId");
    Objects.requireNonNull(title, "title");
  }
}
