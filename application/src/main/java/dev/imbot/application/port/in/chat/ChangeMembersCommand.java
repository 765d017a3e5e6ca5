package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Members to add to a chat.
 *
 * @param actor who adds them
 * @param chat the chat
 * @param users the users to add
 * @param hideHistory whether they see only what comes after
 */
public record ChangeMembersCommand(
    ChatActor actor, ChatId chat, List<UserId> users, boolean hideHistory) {

  public ChangeMembersCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(chat, "chat");
    users = List.copyOf(users);
  }
}
