package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.DeleteMessageCommand;
import dev.imbot.application.port.in.chat.DeleteMessageUseCase;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;

/**
 * Service: deletes a message, leaving its placeholder or (with {@code COMPLETE=Y}) nothing; the
 * deletion event routes by the deleted text's mentions.
 */
public final class DeleteMessageService implements DeleteMessageUseCase {
  private final Messenger messenger;

  public DeleteMessageService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public void delete(DeleteMessageCommand command) {
    messenger.unitOfWork.run(
        () -> {
          deleteNow(command.actor(), command.message(), command.complete());
          return null;
        });
  }

  void deleteNow(ChatActor actor, MessageId id, boolean complete) {
    Message message = messenger.changeable(id, actor);
    Chat chat = messenger.chatOf(message);
    String original = message.text();
    message.markDeleted();
    if (complete) {
      messenger.messages.delete(id);
    } else {
      messenger.messages.save(message);
    }
    messenger.events.messageDeleted(
        chat,
        message,
        original,
        messenger.profileOf(actor, ChatRejectionReason.CANT_EDIT_MESSAGE),
        messenger.memberBots(chat, actor));
  }
}
