package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.portal.UserId;
import java.util.Objects;

/**
 * A new owner or title for a chat.
 *
 * @param actor who changes it
 * @param chat the chat
 * @param owner the new owner, for an ownership change
 * @param title the new title (trimmed, non-blank), for a rename
 */
public record ChatSettingCommand(ChatActor actor, ChatId chat, UserId owner, String title) {

  public ChatSettingCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(chat, "chat");
  }
}
