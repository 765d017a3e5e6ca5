package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.LikeMessageCommand;
import dev.imbot.application.port.in.chat.LikeMessageUseCase;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.Message;

/**
 * Service: likes a message of a chat the actor belongs to. A message they cannot see changes
 * nothing, as in Bitrix24: {@code WITHOUT_CHANGES}.
 */
public final class LikeMessageService implements LikeMessageUseCase {
  private final Messenger messenger;

  public LikeMessageService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public void like(LikeMessageCommand command) {
    messenger.unitOfWork.run(
        () -> {
          Message message =
              messenger
                  .messages
                  .find(command.message())
                  .filter(m -> seenBy(m, command))
                  .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.WITHOUT_CHANGES));
          message.like(command.actor().user(), command.action());
          messenger.messages.save(message);
          return null;
        });
  }

  private boolean seenBy(Message message, LikeMessageCommand command) {
    return messenger
        .chats
        .find(message.chat())
        .flatMap(chat -> chat.member(command.actor().user()))
        .filter(member -> member.sees(message.id()))
        .isPresent();
  }
}
