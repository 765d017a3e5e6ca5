package dev.imbot.application.port.in.chat;

/**
 * Incoming port: {@code im.chat.user.add} and {@code imbot.chat.user.add}; each bot added hears it
 * joined.
 */
public interface AddChatUsersUseCase {

  void add(ChangeMembersCommand command);
}
