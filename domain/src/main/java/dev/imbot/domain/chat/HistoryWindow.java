package dev.imbot.domain.chat;

import java.util.Objects;

/**
 * Which part of a chat's history to read: after {@code firstId} when it is positive, else before
 * {@code lastId} when it is positive, else the newest; never at or below {@code hiddenUpTo}; at
 * most {@code limit} messages.
 *
 * @param chat the chat
 * @param firstId newer than this id when positive
 * @param lastId older than this id when positive
 * @param hiddenUpTo the reader's last hidden message id (0: none hidden)
 * @param limit how many at most
 */
public record HistoryWindow(ChatId chat, long firstId, long lastId, long hiddenUpTo, int limit) {

  public HistoryWindow {
    Objects.requireNonNull(chat, "chat");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }
}
