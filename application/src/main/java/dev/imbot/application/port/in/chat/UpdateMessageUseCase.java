package dev.imbot.application.port.in.chat;

/**
 * Incoming port: {@code im.message.update} and {@code imbot.message.update}. Only the author may
 * edit, within the edit window; each extra is checked for access before its shape.
 */
public interface UpdateMessageUseCase {

  void update(UpdateMessageCommand command);
}
