package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.chat.PostMessageCommand;
import dev.imbot.application.port.in.chat.PostMessageUseCase;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageContent;
import dev.imbot.domain.chat.MessageExtras;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.chat.OpenedDialog;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Service: posts a message, opening a private dialog on its first use, and records the welcome (a
 * person's new dialog with a bot) before the message's own events: its slash commands' events, or,
 * when it calls none, the bots' message events. A person's target is checked before the extras, a
 * bot's after them, as Bitrix24 orders its errors.
 */
public final class PostMessageService implements PostMessageUseCase {
  private final Messenger messenger;

  public PostMessageService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public MessageId post(PostMessageCommand command) {
    ChatActor author = command.author();
    ChatDirectory directory = messenger.directory.remembering();
    if (!author.bot() && command.dialog() instanceof DialogId.WithUser withUser) {
      UserId user = withUser.user();
      if (user.equals(author.user())) {
        throw ChatRejection.refuse(ChatRejectionReason.PARAMS_INCORRECT);
      }
      if (!directory.exists(user)) {
        throw ChatRejection.refuse(ChatRejectionReason.USER_NOT_FOUND);
      }
    }
    BotId keyboardBot = author.bot() ? BotId.of(author.user().value()) : null;
    MessageContent content =
        new MessageContent(
            command.text(),
            command.attach() == null ? null : MessageExtras.attach(command.attach()),
            command.keyboard() == null
                ? null
                : MessageExtras.keyboard(command.keyboard(), keyboardBot),
            command.menu() == null
                ? null
                : MessageExtras.menu(command.menu(), ChatRejectionReason.MENU_INVALID),
            command.urlPreview());
    ChatRejectionReason notAdded = notAdded(author);
    return ConflictRetry.run(
        messenger.unitOfWork,
        () -> post(directory, author, command.dialog(), content, command.system()),
        ChatRejection.of(notAdded));
  }

  private MessageId post(
      ChatDirectory directory,
      ChatActor author,
      DialogId dialog,
      MessageContent content,
      boolean system) {
    Instant now = messenger.clock.instant();
    ChatRejectionReason notAdded = notAdded(author);
    ChatUser profile =
        directory
            .actor(author.user(), author.bot())
            .orElseThrow(() -> ChatRejection.refuse(notAdded));
    Chat chat;
    if (dialog instanceof DialogId.WithUser withUser) {
      chat = openPrivate(directory, author, profile, withUser.user(), now);
    } else if (dialog instanceof DialogId.InChat inChat) {
      chat =
          messenger
              .chats
              .lock(inChat.chat())
              .filter(c -> c.isMember(author.user()))
              .orElseThrow(() -> ChatRejection.refuse(notAdded));
    } else {
      throw ChatRejection.refuse(notAdded);
    }
    return post(messenger, directory, chat, author, profile, content, system, now);
  }

  /**
   * Stores a message in a chat the author may post to, and records its events; the chat's member
   * bots are read through {@code directory}.
   */
  static MessageId post(
      Messenger messenger,
      ChatDirectory directory,
      Chat chat,
      ChatActor author,
      ChatUser profile,
      MessageContent content,
      boolean system,
      Instant now) {
    MessageId id = messenger.messages.nextId();
    Message message = Message.posted(id, chat.id(), author.user(), now, content, system);
    messenger.messages.add(message);
    if (!messenger.commands.dispatch(chat, message, profile)) {
      messenger.events.messageAdded(
          chat, message, profile, Messenger.memberBots(chat, author, directory));
    }
    return id;
  }

  private Chat openPrivate(
      ChatDirectory directory, ChatActor author, ChatUser profile, UserId other, Instant now) {
    ChatRejectionReason notAdded = notAdded(author);
    if (other.equals(author.user())) {
      throw ChatRejection.refuse(notAdded);
    }
    Optional<MemberBot> otherBot = directory.bot(other);
    if (author.bot() && (otherBot.isPresent() || !directory.exists(other))) {
      throw ChatRejection.refuse(notAdded); // a bot talks privately to people only
    }
    if (!author.bot() && otherBot.isEmpty() && !directory.exists(other)) {
      throw ChatRejection.refuse(ChatRejectionReason.USER_NOT_FOUND);
    }
    OpenedDialog opened = messenger.chats.openPrivate(author.user(), other, now);
    if (opened.created() && !author.bot() && otherBot.isPresent()) {
      messenger.events.privateDialogOpened(opened.chat(), profile, otherBot.get());
    }
    return opened.chat();
  }

  private static ChatRejectionReason notAdded(ChatActor author) {
    return author.bot()
        ? ChatRejectionReason.MESSAGE_NOT_ADDED
        : ChatRejectionReason.MESSAGE_NOT_ADDED_BY_USER;
  }
}
