package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import java.util.Objects;

/**
 * A new group or open chat.
 *
 * @param creator who creates it and owns it
 * @param type closed or open
 * @param details title, description, colour, entity binding
 * @param users the other members (unknown users are left out)
 * @param message the first message, null or blank for none
 */
public record CreateChatCommand(
    ChatActor creator, ChatType type, ChatDetails details, List<UserId> users, String message) {

  public CreateChatCommand {
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(details, "details");
    users = List.copyOf(users);
  }
}
