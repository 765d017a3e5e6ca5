package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.chat.Chats;
import dev.imbot.application.port.out.chat.Messages;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatRejection;
import dev.imbot.domain.chat.ChatRejectionReason;
import dev.imbot.domain.chat.EditWindow;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.portal.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every messenger service needs: the stores, the users, the clock, the edit window and the
 * events. One object, so the services' constructors stay short and {@code bootstrap} wires it once.
 */
public final class Messenger {
  final Chats chats;
  final Messages messages;
  final ChatDirectory directory;
  final UnitOfWork unitOfWork;
  final Clock clock;
  final EditWindow editWindow;
  final ChatEvents events;
  final MessageCommands commands;

  /** A messenger whose messages call no slash command. */
  public Messenger(
      Chats chats,
      Messages messages,
      Bots bots,
      People people,
      UnitOfWork unitOfWork,
      Clock clock,
      EditWindow editWindow,
      ChatEvents events) {
    this(
        chats,
        messages,
        bots,
        people,
        unitOfWork,
        clock,
        editWindow,
        events,
        MessageCommands.none());
  }

  /** A messenger whose posted messages go through {@code commands} before they are routed. */
  public Messenger(
      Chats chats,
      Messages messages,
      Bots bots,
      People people,
      UnitOfWork unitOfWork,
      Clock clock,
      EditWindow editWindow,
      ChatEvents events,
      MessageCommands commands) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.chats = Objects.requireNonNull(chats, "chats");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.directory = new ChatDirectory(bots, people);
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.editWindow = Objects.requireNonNull(editWindow, "editWindow");
    this.events = Objects.requireNonNull(events, "events");
  }

  public Chats chats() {
    return chats;
  }

  public Messages messages() {
    return messages;
  }

  public UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  public Clock clock() {
    return clock;
  }

  /** The user as the messenger shows them, person or bot. */
  public Optional<ChatUser> user(UserId user) {
    return directory.user(user);
  }

  /** The bot with this user id, as routing sees it. */
  public Optional<MemberBot> bot(UserId user) {
    return directory.bot(user);
  }

  /** The acting user's profile; an actor who is gone cannot act. */
  ChatUser profileOf(ChatActor actor, ChatRejectionReason otherwise) {
    return directory
        .actor(actor.user(), actor.bot())
        .orElseThrow(() -> ChatRejection.refuse(otherwise));
  }

  /** The chat's member bots; {@code actor} is not looked up when it is a person. */
  List<MemberBot> memberBots(Chat chat, ChatActor actor) {
    return memberBots(chat, actor, directory);
  }

  /** The same, looked up through {@code through} (a directory that remembers, say). */
  static List<MemberBot> memberBots(Chat chat, ChatActor actor, ChatDirectory through) {
    List<UserId> members = new ArrayList<>(chat.memberIds());
    if (!actor.bot()) {
      members.remove(actor.user());
    }
    return through.botsAmong(members);
  }

  /** A message the actor may change now, with its chat ({@code CANT_EDIT_MESSAGE} otherwise). */
  Message changeable(MessageId id, ChatActor actor) {
    Message message =
        messages
            .find(id)
            .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.CANT_EDIT_MESSAGE));
    editWindow.check(message, actor.user(), clock.instant());
    return message;
  }

  Chat chatOf(Message message) {
    return chats
        .lock(message.chat())
        .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.CANT_EDIT_MESSAGE));
  }
}
