package dev.imbot.application.port.in.chat;

/** Incoming port: {@code imbot.message.like}; the actor must be a member of the message's chat. */
public interface LikeMessageUseCase {

  void like(LikeMessageCommand command);
}
