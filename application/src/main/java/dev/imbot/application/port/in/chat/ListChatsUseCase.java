package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.portal.UserId;
import java.util.List;

/**
 * Incoming port: a user's dialogs and chats as a messenger's sidebar lists them (newest first, a
 * page at a time), and who is in one of them, by name: what the console's Chat page reads.
 */
public interface ListChatsUseCase {

  /** One page of the chats {@code query.member()} is in. */
  ChatList list(ListChatsQuery query);

  /** The chat's members with their names, in join order; empty when {@code viewer} is not one. */
  List<ChatUser> members(UserId viewer, ChatId chat);
}
