package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.chat.CreateChatCommand;
import dev.imbot.application.port.in.chat.CreateChatUseCase;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.MessageContent;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Service: creates a group or open chat owned by its creator. Unknown users are left out; every bot
 * among the members except the creator hears it joined (with the whole history), before the first
 * message, if any, is posted by the creator.
 */
public final class CreateChatService implements CreateChatUseCase {
  private final Messenger messenger;

  public CreateChatService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public ChatId create(CreateChatCommand command) {
    return messenger.unitOfWork.run(
        () -> {
          Instant now = messenger.clock.instant();
          ChatUser creator =
              messenger.profileOf(command.creator(), ChatRejectionReason.CHAT_NOT_CREATED);
          List<UserId> others =
              command.users().stream().distinct().filter(messenger.directory::exists).toList();
          Chat chat =
              messenger.chats.create(
                  command.type(), command.details(), command.creator().user(), others, now);
          List<MemberBot> joined =
              messenger.directory.botsAmong(others).stream()
                  .filter(bot -> !bot.userId().equals(command.creator().user()))
                  .toList();
          if (!joined.isEmpty()) {
            messenger.events.botsJoined(chat, creator, joined, true);
          }
          String message = command.message();
          if (message != null && !message.isBlank()) {
            PostMessageService.post(
                messenger,
                messenger.directory,
                chat,
                command.creator(),
                creator,
                MessageContent.text(message.trim()),
                false,
                now);
          }
          return chat.id();
        });
  }
}
