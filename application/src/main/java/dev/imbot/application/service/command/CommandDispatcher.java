package dev.imbot.application.service.command;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.command.AnswerWindows;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.service.chat.EventBlocks;
import dev.imbot.application.service.chat.MessageCommands;
import dev.imbot.application.service.chat.OutboxChatEvents;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.command.CommandCall;
import dev.imbot.domain.command.CommandHandler;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandRecognition;
import dev.imbot.domain.command.RegisteredCommand;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands a message or a button press calls, sent to their bots' applications as {@code
 * ONIMCOMMANDADD} in Bitrix24's body, in the unit of work of the post or press: one event per
 * application that bound a command handler, {@code data[COMMAND]} keyed by command id (each bot's
 * token block is added when the event is delivered), {@code data[PARAMS]} the message as it was
 * written, {@code data[USER]} the person. Each called bot's answer window opens in the chat.
 */
public final class CommandDispatcher implements MessageCommands {
  private final SlashCommands commands;
  private final AnswerWindows windows;
  private final Bots bots;
  private final ApplicationHandlers handlers;
  private final EventOutbox outbox;
  private final Clock clock;

  public CommandDispatcher(
      SlashCommands commands,
      AnswerWindows windows,
      Bots bots,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      Clock clock) {
    this.commands = commands;
    this.windows = windows;
    this.bots = bots;
    this.handlers = handlers;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public boolean dispatch(Chat chat, Message message, ChatUser author) {
    List<CommandCall> calls =
        CommandRecognition.typed(
            chat,
            UserId.of(author.id()),
            author.bot(),
            message.isSystem(),
            message.text(),
            this::registered);
    if (calls.isEmpty()) {
      return false;
    }
    send(chat, message.id(), message.text(), author, calls);
    return true;
  }

  /**
   * {@code presser} pressed a button of {@code keyboard} that carries {@code command} of {@code
   * bot}: the bot's command of that name goes out when it is available there.
   */
  void pressed(
      Chat chat, Message keyboard, ChatUser presser, BotId bot, String command, String params) {
    String name = CommandName.normalised(command);
    List<RegisteredCommand> ofBot = new ArrayList<>();
    if (!name.isEmpty() && name.length() <= 2 * CommandName.MAX_LENGTH) {
      try {
        commands.findOfBot(bot, CommandName.of(name)).flatMap(this::withBot).ifPresent(ofBot::add);
      } catch (IllegalArgumentException tooLong) {
        // no command has such a name
      }
    }
    List<CommandCall> calls =
        CommandRecognition.pressed(chat, UserId.of(presser.id()), params, ofBot);
    if (!calls.isEmpty()) {
      send(
          chat, keyboard.id(), "/" + name + (params.isEmpty() ? "" : " " + params), presser, calls);
    }
  }

  private List<RegisteredCommand> registered(CommandName name) {
    List<RegisteredCommand> found = new ArrayList<>();
    commands.named(name).forEach(command -> withBot(command).ifPresent(found::add));
    return found;
  }

  private Optional<RegisteredCommand> withBot(dev.imbot.domain.command.SlashCommand command) {
    return bots.findById(command.bot())
        .map(bot -> new RegisteredCommand(command, MemberBot.of(bot)));
  }

  private void send(
      Chat chat, MessageId messageId, String text, ChatUser person, List<CommandCall> calls) {
    Instant now = clock.instant();
    Map<ApplicationKey, List<CommandCall>> byApplication = new LinkedHashMap<>();
    calls.forEach(
        call ->
            byApplication
                .computeIfAbsent(call.command().application(), a -> new ArrayList<>())
                .add(call));
    EventData params = params(chat, messageId, text, person);
    byApplication.forEach(
        (application, ofApplication) ->
            handlers
                .commandHandlerOf(application)
                .ifPresent(
                    binding ->
                        enqueue(
                            application, binding, ofApplication, messageId, params, person, now)));
    Set<BotId> called = new LinkedHashSet<>();
    calls.forEach(call -> called.add(call.command().bot()));
    called.forEach(bot -> windows.commandSent(bot, chat.id(), now));
  }

  private void enqueue(
      ApplicationKey application,
      HandlerBinding binding,
      List<CommandCall> calls,
      MessageId messageId,
      EventData params,
      ChatUser person,
      Instant now) {
    EventData.Builder block = EventData.builder();
    Set<UserId> bots = new LinkedHashSet<>();
    for (CommandCall call : calls) {
      MemberBot bot = call.registered().bot();
      bots.add(bot.userId());
      block.put(
          call.command().id().toString(),
          EventData.builder()
              .put("BOT_ID", bot.id().value())
              .put("BOT_CODE", bot.code().value())
              .put("COMMAND", call.command().name().value())
              .put("COMMAND_ID", call.command().id().value())
              .put("COMMAND_PARAMS", call.params())
              .put("COMMAND_CONTEXT", call.context().name())
              .put("MESSAGE_ID", messageId.value())
              .build());
    }
    EventData data =
        EventData.builder()
            .put("COMMAND", block.build())
            .put("PARAMS", params)
            .put("USER", EventBlocks.user(person, false))
            .build();
    outbox.enqueue(
        PendingEvent.to(
            application,
            CommandHandler.EVENT,
            binding,
            data,
            new AuthSubjects(UserId.of(person.id()), List.copyOf(bots)),
            now));
  }

  /** {@code data[PARAMS]}: the message as written, raw (no mention is stripped). */
  private static EventData params(Chat chat, MessageId messageId, String text, ChatUser person) {
    UserId author = UserId.of(person.id());
    EventData.Builder params =
        EventData.builder()
            .put("MESSAGE", text)
            .put("MESSAGE_ID", messageId.value())
            .put("MESSAGE_TYPE", chat.type().letter())
            .put("CHAT_TYPE", chat.type().letter())
            .put("DIALOG_ID", chat.isPrivate() ? author.toString() : chat.id().dialogId())
            .put("FROM_USER_ID", author.value())
            .put("AUTHOR_ID", author.value());
    chat.otherUser(author).ifPresent(other -> params.put("TO_USER_ID", other.value()));
    params.put("TO_CHAT_ID", chat.id().value());
    EventBlocks.chatFields(chat, params);
    return params.put("SYSTEM", "N").put("LANGUAGE", OutboxChatEvents.LANGUAGE).build();
  }
}
