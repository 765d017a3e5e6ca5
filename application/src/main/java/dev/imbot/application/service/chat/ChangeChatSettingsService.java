package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChangeChatSettingsUseCase;
import dev.imbot.application.port.in.chat.ChatSettingCommand;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import java.util.function.Consumer;

/** Service: a chat's owner and title. */
public final class ChangeChatSettingsService implements ChangeChatSettingsUseCase {
  private final Messenger messenger;

  public ChangeChatSettingsService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public void changeOwner(ChatSettingCommand command) {
    change(
        command,
        ChatRejectionReason.OWNER_CHANGE_REFUSED,
        chat -> chat.changeOwner(command.actor().user(), command.owner()));
  }

  @Override
  public void rename(ChatSettingCommand command) {
    change(
        command,
        ChatRejectionReason.RENAME_FORBIDDEN,
        chat -> chat.rename(command.actor().user(), command.title()));
  }

  private void change(
      ChatSettingCommand command, ChatRejectionReason noChat, Consumer<Chat> change) {
    messenger.unitOfWork.run(
        () -> {
          Chat chat =
              messenger.chats.lock(command.chat()).orElseThrow(() -> ChatRejection.refuse(noChat));
          change.accept(chat);
          messenger.chats.save(chat);
          return null;
        });
  }
}
