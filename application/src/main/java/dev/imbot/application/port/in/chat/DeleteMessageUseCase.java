package dev.imbot.application.port.in.chat;

/** Incoming port: {@code im.message.delete} and {@code imbot.message.delete}. */
public interface DeleteMessageUseCase {

  void delete(DeleteMessageCommand command);
}
