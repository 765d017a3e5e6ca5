package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.Chat;
import java.util.Objects;

/**
 * A dialog as one user sees it.
 *
 * @param chat the chat
 * @param dialogId the dialog id as the viewer named it
 * @param lastMessageId the chat's newest message id, 0 when none
 * @param messageCount how many messages the chat holds
 */
public record DialogView(Chat chat, String dialogId, long lastMessageId, long messageCount) {

  public DialogView {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(dialogId, "dialogId");
  }
}
