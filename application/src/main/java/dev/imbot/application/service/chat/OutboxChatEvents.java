package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageRoutingPolicy;
import dev.imbot.domain.chat.MessageRoutingPolicy.Recipients;
import dev.imbot.domain.chat.MessageView;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The messenger's bot events through the outbox, in Bitrix24's bodies: {@code data[BOT][<id>]}
 * names each recipient bot (its token block is added when the event is delivered), {@code
 * data[PARAMS]} the message or the join, {@code data[USER]} the acting user. Every value a string;
 * absent values left out, as PHP's form encoding does. One event per application and handler, and
 * none for an application that did not bind the handler.
 */
public final class OutboxChatEvents implements ChatEvents {
  /** The portal's language, lower case, as Bitrix24 sends {@code LANGUAGE}. */
  public static final String LANGUAGE = "en";

  private final ApplicationHandlers handlers;
  private final EventOutbox outbox;
  private final Clock clock;

  public OutboxChatEvents(ApplicationHandlers handlers, EventOutbox outbox, Clock clock) {
    this.handlers = handlers;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void privateDialogOpened(Chat dialog, ChatUser person, MemberBot bot) {
    EventData params =
        EventData.builder()
            .put("CHAT_TYPE", "P")
            .put("MESSAGE_TYPE", "P")
            .put("BOT_ID", bot.id().value())
            .put("USER_ID", person.id())
            .put("TO_USER_ID", person.id())
            .put("FROM_USER_ID", bot.id().value())
            .put("CHAT_ID", dialog.id().value())
            .put("DIALOG_ID", person.id())
            .put("LANGUAGE", LANGUAGE)
            .build();
    join(bot, params, person);
  }

  @Override
  public void botsJoined(Chat chat, ChatUser actor, List<MemberBot> bots, boolean seesHistory) {
    for (MemberBot bot : bots) {
      EventData params =
          EventData.builder()
              .put("CHAT_TYPE", chat.type().letter())
              .put("MESSAGE_TYPE", chat.type().letter())
              .put("BOT_ID", bot.id().value())
              .put("USER_ID", actor.id())
              .put("CHAT_ID", chat.id().value())
              .put("CHAT_AUTHOR_ID", chat.owner().value())
              .put("CHAT_ENTITY_TYPE", orEmpty(chat.entityType()))
              .put("CHAT_ENTITY_ID", orEmpty(chat.entityId()))
              .put("ACCESS_HISTORY", seesHistory ? "1" : "0")
              .put("DIALOG_ID", chat.id().dialogId())
              .put("LANGUAGE", LANGUAGE)
              .build();
      join(bot, params, actor);
    }
  }

  private void join(MemberBot bot, EventData params, ChatUser actor) {
    Optional<HandlerBinding> binding =
        handlers.bindingFor(bot.application(), BotEvent.WELCOME_MESSAGE);
    if (binding.isEmpty()) {
      return;
    }
    EventData data =
        EventData.builder()
            .put("BOT", botBlock(List.of(bot)))
            .put("PARAMS", params)
            .put("USER", user(actor, false))
            .build();
    outbox.enqueue(
        PendingEvent.to(
            bot.application(),
            BotEvent.WELCOME_MESSAGE.eventName(),
            binding.get(),
            data,
            new AuthSubjects(UserId.of(actor.id()), List.of(bot.userId())),
            clock.instant()));
  }

  @Override
  public void messageAdded(
      Chat chat, Message message, ChatUser author, List<MemberBot> memberBots) {
    for (Recipients recipients :
        MessageRoutingPolicy.recipients(
            chat, author.bot(), message.isSystem(), message.text(), memberBots)) {
      MessageView view =
          MessageRoutingPolicy.view(
              chat, UserId.of(author.id()), recipients.bots().get(0), message.text());
      EventData.Builder params = EventData.builder().put("MESSAGE", view.message());
      if (view.messageOriginal() != null) {
        params.put("MESSAGE_ORIGINAL", view.messageOriginal());
      }
      params
          .put("MESSAGE_ID", message.id().value())
          .put("MESSAGE_TYPE", chat.type().letter())
          .put("CHAT_TYPE", chat.type().letter())
          .put("DIALOG_ID", view.dialogId())
          .put("FROM_USER_ID", author.id())
          .put("AUTHOR_ID", author.id())
          .put("TO_USER_ID", view.toUserId())
          .put("TO_CHAT_ID", chat.id().value());
      chatFields(chat, params);
      mentioned(view, params);
      params
          .put("SYSTEM", message.isSystem() ? "Y" : "N")
          .put("CHAT_USER_COUNT", chat.members().size())
          .put("LANGUAGE", LANGUAGE);
      enqueue(BotEvent.MESSAGE_ADD, recipients, params.build(), user(author, true), author);
    }
  }

  @Override
  public void messageUpdated(
      Chat chat, Message message, ChatUser author, List<MemberBot> memberBots) {
    for (Recipients recipients :
        MessageRoutingPolicy.recipients(
            chat, author.bot(), message.isSystem(), message.text(), memberBots)) {
      MessageView view =
          MessageRoutingPolicy.view(
              chat, UserId.of(author.id()), recipients.bots().get(0), message.text());
      EventData.Builder params =
          EventData.builder()
              .put("ID", message.id().value())
              .put("CHAT_ID", chat.id().value())
              .put("AUTHOR_ID", author.id())
              .put("MESSAGE", view.message());
      if (view.messageOriginal() != null) {
        params.put("MESSAGE_ORIGINAL", view.messageOriginal());
      }
      editFields(chat, author, view, params);
      mentioned(view, params);
      params
          .put("DIALOG_ID", view.dialogId())
          .put("MESSAGE_ID", message.id().value())
          .put("CHAT_TYPE", chat.type().letter())
          .put("LANGUAGE", LANGUAGE);
      enqueue(
          BotEvent.MESSAGE_UPDATE,
          recipients,
          params.build(),
          chat.isPrivate() ? user(author, true) : EventData.empty(),
          author);
    }
  }

  @Override
  public void messageDeleted(
      Chat chat, Message message, String original, ChatUser author, List<MemberBot> memberBots) {
    for (Recipients recipients :
        MessageRoutingPolicy.recipients(
            chat, author.bot(), message.isSystem(), original, memberBots)) {
      MessageView view =
          MessageRoutingPolicy.view(
              chat, UserId.of(author.id()), recipients.bots().get(0), original);
      EventData.Builder params =
          EventData.builder()
              .put("ID", message.id().value())
              .put("CHAT_ID", chat.id().value())
              .put("AUTHOR_ID", author.id())
              .put("MESSAGE", message.placeholder());
      editFields(chat, author, view, params);
      params
          .put("DIALOG_ID", view.dialogId())
          .put("MESSAGE_ID", message.id().value())
          .put("CHAT_TYPE", chat.type().letter())
          .put("LANGUAGE", LANGUAGE);
      enqueue(
          BotEvent.MESSAGE_DELETE,
          recipients,
          params.build(),
          chat.isPrivate() ? user(author, true) : EventData.empty(),
          author);
    }
  }

  private void enqueue(
      BotEvent event, Recipients recipients, EventData params, EventData user, ChatUser actor) {
    Optional<HandlerBinding> binding = handlers.bindingFor(recipients.application(), event);
    if (binding.isEmpty()) {
      return; // rule: only applications that bound the handler hear it
    }
    EventData.Builder data =
        EventData.builder().put("BOT", botBlock(recipients.bots())).put("PARAMS", params);
    if (!user.isEmpty()) {
      data.put("USER", user);
    }
    outbox.enqueue(
        PendingEvent.to(
            recipients.application(),
            event.eventName(),
            binding.get(),
            data.build(),
            new AuthSubjects(
                UserId.of(actor.id()), recipients.bots().stream().map(MemberBot::userId).toList()),
            clock.instant()));
  }

  private static void chatFields(Chat chat, EventData.Builder params) {
    EventBlocks.chatFields(chat, params);
  }

  /** The fields the update and delete bodies share, private and group alike. */
  private static void editFields(
      Chat chat, ChatUser author, MessageView view, EventData.Builder params) {
    params.put("MESSAGE_TYPE", chat.type().letter()).put("CHAT_AUTHOR_ID", chat.owner().value());
    if (!chat.isPrivate()) {
      params.put("CHAT_ENTITY_TYPE", orEmpty(chat.entityType()));
    }
    params.put("CHAT_ENTITY_ID", orEmpty(chat.entityId()));
    if (chat.isPrivate()) {
      params.put("FROM_USER_ID", author.id());
    }
    params.put("TO_USER_ID", view.toUserId());
  }

  private static void mentioned(MessageView view, EventData.Builder params) {
    if (view.mentioned().isEmpty()) {
      return;
    }
    EventData.Builder list = EventData.builder();
    view.mentioned().forEach(id -> list.put(Long.toString(id), id));
    params.put("MENTIONED_LIST", list.build());
  }

  private static EventData botBlock(List<MemberBot> bots) {
    EventData.Builder block = EventData.builder();
    for (MemberBot bot : bots) {
      block.put(
          bot.id().toString(),
          EventData.builder()
              .put("BOT_ID", bot.id().value())
              .put("BOT_CODE", bot.code().value())
              .build());
    }
    return block.build();
  }

  /** {@code data[USER]}: with the {@code IS_*} flags for message events. */
  private static EventData user(ChatUser user, boolean flags) {
    return EventBlocks.user(user, flags);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
