package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.AddChatUsersUseCase;
import dev.imbot.application.port.in.chat.ChangeMembersCommand;
import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.portal.UserId;
import java.util.List;

/** Service: a member adds users to a chat; each bot added hears it joined. */
public final class AddChatUsersService implements AddChatUsersUseCase {
  private final Messenger messenger;

  public AddChatUsersService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public void add(ChangeMembersCommand command) {
    messenger.unitOfWork.run(
        () -> {
          ChatUser actor = messenger.profileOf(command.actor(), ChatRejectionReason.ALREADY_MEMBER);
          Chat chat =
              messenger
                  .chats
                  .lock(command.chat())
                  .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.ALREADY_MEMBER));
          List<UserId> known =
              command.users().stream().distinct().filter(messenger.directory::exists).toList();
          List<UserId> added =
              chat.addMembers(
                  command.actor().user(),
                  known,
                  command.hideHistory(),
                  messenger.messages.lastIdIn(chat.id()));
          messenger.chats.save(chat);
          List<MemberBot> bots = messenger.directory.botsAmong(added);
          if (!bots.isEmpty()) {
            messenger.events.botsJoined(chat, actor, bots, !command.hideHistory());
          }
          return null;
        });
  }
}
