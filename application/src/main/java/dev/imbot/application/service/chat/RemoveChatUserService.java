package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.RemoveChatUserCommand;
import dev.imbot.application.port.in.chat.RemoveChatUserUseCase;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;

/** Service: removes a member, or lets one leave; nobody hears of it. */
public final class RemoveChatUserService implements RemoveChatUserUseCase {
  private final Messenger messenger;

  public RemoveChatUserService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public void remove(RemoveChatUserCommand command) {
    messenger.unitOfWork.run(
        () -> {
          Chat chat =
              messenger
                  .chats
                  .lock(command.chat())
                  .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.NOT_MEMBER));
          chat.removeMember(command.actor().user(), command.user());
          messenger.chats.save(chat);
          return null;
        });
  }
}
