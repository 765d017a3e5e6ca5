package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.portal.UserId;
import java.util.Objects;

/**
 * A member to remove; the actor themselves to leave.
 *
 * @param actor who removes
 * @param chat the chat
 * @param user the member to remove
 */
public record RemoveChatUserCommand(ChatActor actor, ChatId chat, UserId user) {

  public RemoveChatUserCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(user, "user");
  }
}
