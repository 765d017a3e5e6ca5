package dev.imbot.application.port.in.chat;

/**
 * Incoming port: {@code im.chat.user.delete}, {@code im.chat.leave} and their bot twins. Nobody is
 * told.
 */
public interface RemoveChatUserUseCase {

  void remove(RemoveChatUserCommand command);
}
