package dev.imbot.domain.chat;

import java.util.List;
import java.util.Objects;

/**
 * The text fields a bot's event carries for one message, derived from the raw text.
 *
 * @param message {@code MESSAGE}: raw in a private dialog, mentions stripped in a chat
 * @param messageOriginal {@code MESSAGE_ORIGINAL}: the raw text in a chat, null in a private dialog
 * @param toUserId {@code TO_USER_ID}: the bot in a private dialog, the first mention or 0 in a chat
 * @param mentioned {@code MENTIONED_LIST}: every mentioned id once, in order (empty in private)
 * @param dialogId {@code DIALOG_ID}: what the bot answers to
 */
public record MessageView(
    String message, String messageOriginal, long toUserId, List<Long> mentioned, String dialogId) {

  public MessageView {
    Objects.requireNonNull(message, "message");
    mentioned = List.copyOf(mentioned);
    Objects.requireNonNull(dialogId, "dialogId");
  }
}
