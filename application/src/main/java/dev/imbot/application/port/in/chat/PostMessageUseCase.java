package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.MessageId;

/**
 * Incoming port: {@code im.message.add} and {@code imbot.message.add}. A person may post in a
 * private dialog with any user and in chats they are a member of; a bot where it is a member, or in
 * a private dialog with a person (which creates it). The events the message causes are recorded
 * with it.
 */
public interface PostMessageUseCase {

  MessageId post(PostMessageCommand command);
}
