package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.chat.DialogView;
import dev.imbot.application.port.in.chat.MessagePage;
import dev.imbot.application.port.in.chat.MessagePageQuery;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.HistoryWindow;
import dev.imbot.domain.chat.Member;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.OpenedDialog;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Service: reading dialogs. Reading a private dialog opens it, as the console does, so a person
 * opening a dialog with a bot for the first time welcomes the bot. Open chats are readable by
 * everyone, other chats by their members.
 */
public final class ReadChatsService implements ReadChatsUseCase {
  private final Messenger messenger;

  public ReadChatsService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public DialogView dialog(UserId viewer, DialogId dialog) {
    return ConflictRetry.run(
        messenger.unitOfWork,
        () -> {
          Chat chat = visible(viewer, dialog);
          return new DialogView(
              chat,
              dialog.wire(),
              messenger.messages.lastIdIn(chat.id()),
              messenger.messages.countIn(chat.id()));
        },
        ChatRejection.of(ChatRejectionReason.DIALOG_ACCESS_DENIED));
  }

  @Override
  public Optional<ChatType> typeOf(ChatId chat) {
    return messenger.chats.find(chat).map(Chat::type);
  }

  @Override
  public Optional<ChatId> chatByEntity(String entityType, String entityId) {
    return messenger.chats.findByEntity(entityType, entityId).map(Chat::id);
  }

  @Override
  public List<Long> members(UserId viewer, ChatId chat) {
    return messenger
        .chats
        .find(chat)
        .filter(c -> c.isMember(viewer))
        .map(c -> c.memberIds().stream().map(UserId::value).toList())
        .orElse(List.of());
  }

  @Override
  public MessagePage messages(MessagePageQuery query) {
    return ConflictRetry.run(
        messenger.unitOfWork,
        () -> {
          Chat chat = visible(query.viewer(), query.dialog());
          long hidden = chat.member(query.viewer()).map(Member::hiddenUpTo).orElse(0L);
          List<Message> page =
              messenger.messages.page(
                  new HistoryWindow(
                      chat.id(), query.firstId(), query.lastId(), hidden, query.limit()));
          Set<UserId> authors = new LinkedHashSet<>();
          page.forEach(m -> m.author().ifPresent(authors::add));
          List<ChatUser> users = new ArrayList<>();
          authors.forEach(a -> messenger.directory.user(a).ifPresent(users::add));
          return new MessagePage(chat.id(), page, users);
        },
        ChatRejection.of(ChatRejectionReason.DIALOG_ACCESS_DENIED));
  }

  private Chat visible(UserId viewer, DialogId dialog) {
    if (dialog instanceof DialogId.WithUser withUser) {
      UserId other = withUser.user();
      Optional<ChatUser> profile = messenger.directory.user(viewer);
      if (other.equals(viewer) || profile.isEmpty() || !messenger.directory.exists(other)) {
        throw ChatRejection.refuse(ChatRejectionReason.DIALOG_ACCESS_DENIED);
      }
      OpenedDialog opened = messenger.chats.openPrivate(viewer, other, messenger.clock.instant());
      if (opened.created() && !messenger.directory.isBot(viewer)) {
        Optional<MemberBot> bot = messenger.directory.bot(other);
        bot.ifPresent(b -> messenger.events.privateDialogOpened(opened.chat(), profile.get(), b));
      }
      return opened.chat();
    }
    if (dialog instanceof DialogId.InChat inChat) {
      Chat chat =
          messenger
              .chats
              .find(inChat.chat())
              .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.CHAT_NOT_ACCESSIBLE));
      if (!chat.isMember(viewer) && chat.type() != ChatType.OPEN) {
        throw ChatRejection.refuse(ChatRejectionReason.DIALOG_ACCESS_DENIED);
      }
      return chat;
    }
    throw ChatRejection.refuse(ChatRejectionReason.CHAT_NOT_ACCESSIBLE);
  }
}
