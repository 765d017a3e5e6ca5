package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.Message;
import java.util.List;

/**
 * A page of a dialog's messages and the users who wrote them.
 *
 * @param chat the chat read
 * @param messages newest first
 * @param users the authors, in order of first appearance
 */
public record MessagePage(ChatId chat, List<Message> messages, List<ChatUser> users) {

  public MessagePage {
    messages = List.copyOf(messages);
    users = List.copyOf(users);
  }
}
