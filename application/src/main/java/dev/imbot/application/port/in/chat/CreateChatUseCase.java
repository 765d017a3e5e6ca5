package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;

/**
 * Incoming port: {@code im.chat.add} and {@code imbot.chat.add}. Every bot among the members but
 * the creator hears it joined.
 */
public interface CreateChatUseCase {

  ChatId create(CreateChatCommand command);
}
