package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.bot.UnregisterBotCommand;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.CreateChatCommand;
import dev.imbot.application.port.in.chat.PostMessageCommand;
import dev.imbot.application.port.in.command.AnswerCommandCommand;
import dev.imbot.application.port.in.command.CommandAnswer;
import dev.imbot.application.port.in.command.PressButtonCommand;
import dev.imbot.application.port.in.command.RegisterCommandCommand;
import dev.imbot.application.port.in.command.UnregisterCommandCommand;
import dev.imbot.application.port.in.command.UpdateCommandCommand;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RegisterApplicationCommand;
import dev.imbot.application.service.chat.CreateChatService;
import dev.imbot.application.service.chat.Messenger;
import dev.imbot.application.service.chat.OutboxChatEvents;
import dev.imbot.application.service.chat.PostMessageService;
import dev.imbot.application.service.command.AnswerCommandService;
import dev.imbot.application.service.command.CommandDispatcher;
import dev.imbot.application.service.command.PressButtonService;
import dev.imbot.application.service.command.RegisterCommandService;
import dev.imbot.application.service.command.UnregisterCommandService;
import dev.imbot.application.service.command.UpdateCommandService;
import dev.imbot.application.service.portal.AdministerApplicationsService;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.EditWindow;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.command.AnswerWindow;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandTranslation;
import dev.imbot.domain.common.ManualClock;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.UserId;
import dev.imbot.domain.rejection.BitrixError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of the slash command use cases over any adapter: registering, changing and removing
 * commands with the command handler; commands typed in messages and pressed on keyboards, sent as
 * {@code ONIMCOMMANDADD} instead of the message events; answers within the answer window.
 */
public abstract class CommandsUseCasesContract extends PortalContract {
  private static final String HANDLER = "https://bot.example.com/commands";
  private static final ApplicationKey WEBHOOK_APP = ApplicationKey.fromClientId("echo app");

  private final ManualClock clock = new ManualClock(NOW);
  private Messenger messenger;
  private CommandDispatcher dispatcher;
  private UserId ann;
  private UserId ben;
  private BotId echo;

  @BeforeEach
  void services() {
    dispatcher =
        new CommandDispatcher(
            portal.commands(),
            portal.answerWindows(),
            portal.bots(),
            portal.handlers(),
            portal.outbox(),
            clock);
    messenger =
        new Messenger(
            portal.chats(),
            portal.messages(),
            portal.bots(),
            portal.people(),
            portal.unitOfWork(),
            clock,
            EditWindow.DEFAULT,
            new OutboxChatEvents(portal.handlers(), portal.outbox(), clock),
            dispatcher);
    ann = UserId.of(portal.addPerson(Email.of("ann@example.com")));
    ben = UserId.of(portal.addPerson(Email.of("ben@example.com")));
    echo = registerMinimal(APP, "echo");
  }

  // --- imbot.command.register ---

  @Test
  void givenNewCommand_register_storesItAndBindsTheCommandHandler() {
    CommandId id = register(APP, echo, "/echo", false);

    var stored = portal.commands().find(id).orElseThrow();
    assertThat(stored.name()).isEqualTo(CommandName.of("echo"));
    assertThat(stored.bot()).isEqualTo(echo);
    assertThat(stored.translations())
        .containsExactly(new CommandTranslation("en", "Echo", "text to echo"));
    assertThat(portal.handlers().commandHandlerOf(APP).orElseThrow().url())
        .isEqualTo(HandlerUrl.of(HANDLER));
  }

  @Test
  void givenKnownCommand_register_returnsItsIdAndRebindsTheHandlerOnly() {
    CommandId first = register(APP, echo, "echo", false);

    CommandId again =
        commandRegistration()
            .register(
                new RegisterCommandCommand(
                    APP, echo.toString(), "echo", HANDLER + "?v=2", lang("de"), true, true, true));

    assertThat(again).isEqualTo(first);
    assertThat(portal.commands().find(first).orElseThrow().common()).isFalse();
    assertThat(portal.handlers().commandHandlerOf(APP).orElseThrow().url().value())
        .isEqualTo(HANDLER + "?v=2");
  }

  @Test
  void givenWebhookKeyedApplication_register_appendsItsClientIdToTheHandler() {
    BotId bot = registerMinimal(WEBHOOK_APP, "hooked");
    register(WEBHOOK_APP, bot, "echo", false);

    assertThat(portal.handlers().commandHandlerOf(WEBHOOK_APP).orElseThrow().url().value())
        .isEqualTo(HANDLER + "?CLIENT_ID=echo+app");
  }

  @Test
  void givenEverythingWrong_register_refusesInBitrixOrder() {
    BotId theirs = registerMinimal(OTHER_APP, "theirs");
    assertThat(registerError(null, "echo", echo.toString(), lang("en")).code())
        .isEqualTo("EVENT_COMMAND_ADD_ERROR");
    assertThat(registerError(HANDLER, "/", "0", null))
        .isEqualTo(badRequest("COMMAND_ERROR", "Command isn't specified"));
    assertThat(registerError(HANDLER, "echo", "999999", null))
        .isEqualTo(badRequest("BOT_ID_ERROR", "Bot not found"));
    assertThat(registerError(HANDLER, "echo", theirs.toString(), null))
        .isEqualTo(badRequest("APP_ID_ERROR", "Bot was installed by another rest application"));
    assertThat(registerError(HANDLER, "echo", echo.toString(), null))
        .isEqualTo(badRequest("LANG_ERROR", "Lang set can't be empty"));
    assertThat(portal.commands().named(CommandName.of("echo"))).isEmpty();
    assertThat(portal.handlers().commandHandlerOf(APP)).isEmpty();
  }

  // --- imbot.command.update and imbot.command.unregister ---

  @Test
  void givenFields_update_changesTheCommandAndRebindsTheHandler() {
    CommandId id = register(APP, echo, "echo", false);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("COMMAND", "say");
    fields.put("HIDDEN", "Y");
    fields.put("LANG", lang("de"));
    fields.put("EVENT_COMMAND_ADD", HANDLER + "/v2");

    updateUseCase().update(new UpdateCommandCommand(APP, id.toString(), fields));

    var changed = portal.commands().find(id).orElseThrow();
    assertThat(changed.name().value()).isEqualTo("say");
    assertThat(changed.hidden()).isTrue();
    assertThat(changed.translations())
        .extracting(CommandTranslation::languageId)
        .containsExactly("de");
    assertThat(portal.handlers().commandHandlerOf(APP).orElseThrow().url().value())
        .isEqualTo(HANDLER + "/v2");
  }

  @Test
  void givenBadUpdates_update_refusesThem() {
    CommandId id = register(APP, echo, "echo", false);
    register(APP, echo, "help", false);

    assertThat(updateError(APP, "12345", Map.of("HIDDEN", "Y")))
        .isEqualTo(badRequest("COMMAND_ID_ERROR", "Command not found"));
    assertThat(updateError(OTHER_APP, id.toString(), Map.of("HIDDEN", "Y")))
        .isEqualTo(badRequest("APP_ID_ERROR", "Command was installed by another rest application"));
    assertThat(updateError(APP, id.toString(), Map.of("EVENT_COMMAND_ADD", "ftp://x.example.com")))
        .isEqualTo(badRequest("EVENT_COMMAND_ADD_ERROR", "Unsupported handler protocol"));
    assertThat(updateError(APP, id.toString(), Map.of("COMMON", "Y")))
        .isEqualTo(badRequest("WRONG_REQUEST", "Update fields can't be empty"));
    assertThat(updateError(APP, id.toString(), Map.of("COMMAND", "help")))
        .isEqualTo(badRequest("WRONG_REQUEST", "Command can't be updated"));
    assertThat(portal.commands().find(id).orElseThrow().name().value()).isEqualTo("echo");
  }

  @Test
  void givenCommand_unregister_deletesItAndRefusesOthers() {
    CommandId id = register(APP, echo, "echo", false);

    assertThat(
            bitrixError(
                rejection(
                    () ->
                        uncommandRegistration()
                            .unregister(new UnregisterCommandCommand(OTHER_APP, id.toString())))))
        .isEqualTo(badRequest("APP_ID_ERROR", "Command was installed by another rest application"));
    uncommandRegistration().unregister(new UnregisterCommandCommand(APP, id.toString()));

    assertThat(portal.commands().find(id)).isEmpty();
    assertThat(
            bitrixError(
                rejection(
                    () ->
                        uncommandRegistration()
                            .unregister(new UnregisterCommandCommand(APP, id.toString())))))
        .isEqualTo(badRequest("COMMAND_ID_ERROR", "Command not found"));
  }

  @Test
  void givenBotUnregistered_itsCommands_goWithIt() {
    CommandId id = register(APP, echo, "echo", false);

    portal.unregisterUseCase(CLOCK).unregister(new UnregisterBotCommand(APP, echo));

    assertThat(portal.commands().find(id)).isEmpty();
  }

  @Test
  void givenApplicationRemoved_itsCommandsAndCommandHandler_goWithIt() {
    CommandId removed = register(APP, echo, "echo", true);
    BotId theirs = registerMinimal(OTHER_APP, "theirs");
    CommandId kept = register(OTHER_APP, theirs, "help", true);
    AdministerApplicationsService applications =
        new AdministerApplicationsService(
            portal.applications(),
            portal.bots(),
            portal.handlers(),
            portal.eventBindings(),
            portal.tokens(),
            portal.outbox(),
            portal.unitOfWork(),
            clock);
    applications.register(new RegisterApplicationCommand(APP.value(), null, null));

    applications.remove(APP);

    assertThat(portal.commands().find(removed)).isEmpty();
    assertThat(portal.handlers().commandHandlerOf(APP)).isEmpty();
    assertThat(portal.commands().find(kept)).isPresent();
    assertThat(portal.handlers().commandHandlerOf(OTHER_APP)).isPresent();
    post(ann, new DialogId.InChat(createChat(ann, List.of(ben))), "/echo after");
    assertThat(eventNames()).doesNotContain("ONIMCOMMANDADD");
  }

  // --- typed commands ---

  @Test
  void givenCommandInThePrivateDialog_post_sendsOnlyTheCommandEventInBitrixShape() {
    CommandId id = register(APP, echo, "echo", false);

    MessageId message = post(ann, new DialogId.WithUser(echo.userId()), "/echo test");

    assertThat(eventNames()).containsExactly("ONIMBOTJOINCHAT", "ONIMCOMMANDADD");
    PendingEvent event = last("ONIMCOMMANDADD");
    assertThat(event.application()).isEqualTo(APP);
    assertThat(event.handler()).isEqualTo(HandlerUrl.of(HANDLER));
    assertThat(event.handlerBindingId())
        .isEqualTo(portal.handlers().commandHandlerOf(APP).orElseThrow().id());
    EventData call =
        event.data().nested("COMMAND").orElseThrow().nested(id.toString()).orElseThrow();
    assertThat(call.asMap())
        .containsExactly(
            Map.entry("BOT_ID", echo.toString()),
            Map.entry("BOT_CODE", "echo"),
            Map.entry("COMMAND", "echo"),
            Map.entry("COMMAND_ID", id.toString()),
            Map.entry("COMMAND_PARAMS", "test"),
            Map.entry("COMMAND_CONTEXT", "TEXTAREA"),
            Map.entry("MESSAGE_ID", message.toString()));
    assertThat(at(event, "PARAMS", "MESSAGE")).isEqualTo("/echo test");
    assertThat(at(event, "PARAMS", "DIALOG_ID")).isEqualTo(ann.toString());
    assertThat(at(event, "PARAMS", "TO_USER_ID")).isEqualTo(echo.toString());
    assertThat(at(event, "PARAMS", "CHAT_TYPE")).isEqualTo("P");
    assertThat(at(event, "USER", "ID")).isEqualTo(ann.toString());
    assertThat(event.data().nested("USER").orElseThrow().asMap()).doesNotContainKey("IS_BOT");
    assertThat(event.subjects().actingUser()).isEqualTo(ann);
    assertThat(event.subjects().bots()).containsExactly(echo.userId());
  }

  @Test
  void givenPlainText_post_sendsTheMessageEventAsBefore() {
    register(APP, echo, "echo", false);

    post(ann, new DialogId.WithUser(echo.userId()), "echo test");

    assertThat(eventNames()).containsExactly("ONIMBOTJOINCHAT", "ONIMBOTMESSAGEADD");
  }

  @Test
  void givenUnknownCommand_post_sendsTheMessageEvent() {
    register(APP, echo, "echo", false);

    post(ann, new DialogId.WithUser(echo.userId()), "/help");

    assertThat(eventNames()).containsExactly("ONIMBOTJOINCHAT", "ONIMBOTMESSAGEADD");
  }

  @Test
  void givenChatWithoutTheBot_post_ignoresItsCommandUnlessCommon() {
    register(APP, echo, "echo", false);
    ChatId chat = createChat(ann, List.of(ben));

    post(ann, new DialogId.InChat(chat), "/echo in a chat");
    assertThat(eventNames()).isEmpty();

    BotId common = registerMinimal(APP, "common");
    CommandId everywhere = register(APP, common, "everywhere", true);
    post(ann, new DialogId.InChat(chat), "/everywhere x\n/echo y");

    assertThat(eventNames()).containsExactly("ONIMCOMMANDADD");
    PendingEvent event = last("ONIMCOMMANDADD");
    assertThat(event.data().nested("COMMAND").orElseThrow().asMap())
        .containsOnlyKeys(everywhere.toString());
    assertThat(at(event, "PARAMS", "DIALOG_ID")).isEqualTo(chat.dialogId());
    assertThat(at(event, "PARAMS", "CHAT_ID")).isEqualTo(chat.toString());
  }

  @Test
  void givenTwoCommandsOfTwoBotsOfOneApplication_post_sendsOneEventNamingBoth() {
    CommandId first = register(APP, echo, "echo", true);
    BotId other = registerMinimal(APP, "other");
    CommandId second = register(APP, other, "help", true);
    ChatId chat = createChat(ann, List.of(ben));

    post(ann, new DialogId.InChat(chat), "/echo a\n/help\n/echo a");

    assertThat(eventNames()).containsExactly("ONIMCOMMANDADD");
    PendingEvent event = last("ONIMCOMMANDADD");
    assertThat(event.data().nested("COMMAND").orElseThrow().asMap())
        .containsOnlyKeys(first.toString(), second.toString());
    assertThat(event.subjects().bots()).containsExactly(echo.userId(), other.userId());
  }

  @Test
  void givenOneCommandWithTwoParams_post_keepsOneEntryWithTheLastParams() {
    CommandId id = register(APP, echo, "echo", false);

    post(ann, new DialogId.WithUser(echo.userId()), "/echo first\n/echo second");

    PendingEvent event = last("ONIMCOMMANDADD");
    assertThat(event.data().nested("COMMAND").orElseThrow().asMap())
        .containsOnlyKeys(id.toString());
    assertThat(at(event, "COMMAND", id.toString(), "COMMAND_PARAMS")).isEqualTo("second");
  }

  @Test
  void givenBotWritingACommand_post_sendsNothing() {
    register(APP, echo, "echo", true);
    post(ann, new DialogId.WithUser(echo.userId()), "hello");
    int before = portal.enqueuedEvents().size();

    messengerPost(ChatActor.bot(echo.userId()), new DialogId.WithUser(ann), "/echo from a bot");

    assertThat(portal.enqueuedEvents()).hasSize(before);
  }

  // --- keyboard buttons ---

  @Test
  void givenButtonOfTheBot_press_sendsTheCommandWithKeyboardContextAndTheKeyboardsMessage() {
    CommandId id = register(APP, echo, "echoList", false);
    post(ann, new DialogId.WithUser(echo.userId()), "hello");
    MessageId keyboard = keyboardFromEcho("echoList", "page 2");

    new PressButtonService(messenger, dispatcher)
        .press(new PressButtonCommand(ann, keyboard, echo, "echoList", "page 2"));

    PendingEvent event = last("ONIMCOMMANDADD");
    assertThat(at(event, "COMMAND", id.toString(), "COMMAND_CONTEXT")).isEqualTo("KEYBOARD");
    assertThat(at(event, "COMMAND", id.toString(), "MESSAGE_ID")).isEqualTo(keyboard.toString());
    assertThat(at(event, "COMMAND", id.toString(), "COMMAND_PARAMS")).isEqualTo("page 2");
    assertThat(at(event, "PARAMS", "MESSAGE")).isEqualTo("/echoList page 2");
    assertThat(at(event, "PARAMS", "FROM_USER_ID")).isEqualTo(ann.toString());
  }

  @Test
  void givenNoSuchButtonOrOutsider_press_isRefusedWithIncorrectParams() {
    register(APP, echo, "echoList", false);
    post(ann, new DialogId.WithUser(echo.userId()), "hello");
    MessageId keyboard = keyboardFromEcho("echoList", "page 2");
    BitrixError incorrect = badRequest("PARAMS_ERROR", "Incorrect params");

    assertThat(pressError(ann, keyboard, "page 3")).isEqualTo(incorrect);
    assertThat(pressError(ben, keyboard, "page 2")).isEqualTo(incorrect);
    assertThat(pressError(ann, MessageId.of(999999), "page 2")).isEqualTo(incorrect);
    assertThat(portal.enqueuedEvents()).noneMatch(e -> e.event().equals("ONIMCOMMANDADD"));
  }

  // --- imbot.command.answer ---

  @Test
  void givenCommandJustSent_answer_postsFromTheBotIntoTheDialog() {
    CommandId id = register(APP, echo, "echo", false);
    MessageId command = post(ann, new DialogId.WithUser(echo.userId()), "/echo test");
    clock.advance(Duration.ofMinutes(10));
    int before = portal.enqueuedEvents().size();

    CommandAnswer answer = answer(APP, id.toString(), null, command.value(), "test");

    Message posted = portal.messages().find(answer.posted().orElseThrow()).orElseThrow();
    assertThat(posted.text()).isEqualTo("test");
    assertThat(posted.author()).contains(echo.userId());
    assertThat(posted.isSystem()).isFalse();
    assertThat(posted.chat()).isEqualTo(portal.messages().find(command).orElseThrow().chat());
    assertThat(portal.enqueuedEvents()).hasSize(before);
  }

  @Test
  void givenWindowClosed_answer_succeedsAndPostsNothing() {
    CommandId id = register(APP, echo, "echo", false);
    MessageId command = post(ann, new DialogId.WithUser(echo.userId()), "/echo test");
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    CommandAnswer answer = answer(APP, id.toString(), null, command.value(), "too late");

    assertThat(answer.posted()).isEmpty();
    assertThat(portal.messages().lastIdIn(portal.messages().find(command).orElseThrow().chat()))
        .isEqualTo(command.value());
  }

  @Test
  void givenNoCommandSentThere_answer_postsNothing() {
    CommandId id = register(APP, echo, "echo", false);
    MessageId plain = post(ann, new DialogId.WithUser(echo.userId()), "no command");

    assertThat(answer(APP, id.toString(), null, plain.value(), "hi").posted()).isEmpty();
  }

  @Test
  void givenCommandByName_answer_findsTheCallersCommand() {
    register(APP, echo, "echo", false);
    MessageId command = post(ann, new DialogId.WithUser(echo.userId()), "/echo x");

    assertThat(answer(APP, null, "/echo", command.value(), "x").posted()).isPresent();
  }

  @Test
  void givenCommonCommandInAChatWithoutTheBot_answer_isASystemMessageHeadedByTheBot() {
    CommandId id = register(APP, echo, "echo", true);
    ChatId chat = createChat(ann, List.of(ben));
    MessageId command = post(ann, new DialogId.InChat(chat), "/echo hi");

    Message posted =
        portal
            .messages()
            .find(answer(APP, id.toString(), null, command.value(), "hi").posted().orElseThrow())
            .orElseThrow();

    assertThat(posted.isSystem()).isTrue();
    assertThat(posted.chat()).isEqualTo(chat);
    assertThat(posted.text()).isEqualTo("Answer from [USER=" + echo + "]Bot echo[/USER][BR]hi");
  }

  @Test
  void givenKeyboard_answer_storesItForTheCommandsBot() {
    CommandId id = register(APP, echo, "echoList", false);
    MessageId command = post(ann, new DialogId.WithUser(echo.userId()), "/echoList");
    Map<String, Object> button = new LinkedHashMap<>();
    button.put("TEXT", "Next");
    button.put("COMMAND", "echoList");
    button.put("COMMAND_PARAMS", "page 2");

    MessageId answer =
        answerUseCase()
            .answer(
                new AnswerCommandCommand(
                    APP,
                    id.toString(),
                    null,
                    command.value(),
                    "Page 1",
                    null,
                    Map.of("0", button),
                    null,
                    false,
                    true))
            .posted()
            .orElseThrow();

    assertThat(
            portal
                .messages()
                .find(answer)
                .orElseThrow()
                .hasCommandButton(echo, "echoList", "page 2"))
        .isTrue();
  }

  @Test
  void givenEverythingWrong_answer_refusesInBitrixOrder() {
    CommandId id = register(APP, echo, "echo", false);
    MessageId command = post(ann, new DialogId.WithUser(echo.userId()), "/echo");

    assertThat(answerError(APP, "999999", null, command.value(), "x"))
        .isEqualTo(badRequest("COMMAND_ID_ERROR", "Command not found"));
    assertThat(answerError(APP, null, "nothing", command.value(), "x"))
        .isEqualTo(badRequest("COMMAND_ID_ERROR", "Command not found"));
    assertThat(answerError(APP, null, null, command.value(), "x"))
        .isEqualTo(badRequest("COMMAND_ID_ERROR", "Command not found"));
    assertThat(answerError(OTHER_APP, id.toString(), null, 0, null))
        .isEqualTo(badRequest("APP_ID_ERROR", "Command was installed by another rest application"));
    assertThat(answerError(APP, id.toString(), null, 0, null))
        .isEqualTo(badRequest("MESSAGE_ID_EMPTY", "Message ID can't be empty"));
    assertThat(answerError(APP, id.toString(), null, command.value(), "  "))
        .isEqualTo(badRequest("MESSAGE_EMPTY", "Message can't be empty"));
    assertThat(answerError(APP, id.toString(), null, 999999, "x"))
        .isEqualTo(badRequest("WRONG_REQUEST", "Message isn't added"));
  }

  // --- helpers ---

  private RegisterCommandService commandRegistration() {
    return new RegisterCommandService(
        portal.commands(), portal.bots(), portal.handlers(), portal.unitOfWork());
  }

  private UpdateCommandService updateUseCase() {
    return new UpdateCommandService(portal.commands(), portal.handlers(), portal.unitOfWork());
  }

  private UnregisterCommandService uncommandRegistration() {
    return new UnregisterCommandService(portal.commands(), portal.unitOfWork());
  }

  private AnswerCommandService answerUseCase() {
    return new AnswerCommandService(
        portal.commands(), portal.answerWindows(), messenger, AnswerWindow.DEFAULT);
  }

  private static Map<String, Object> lang(String language) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("LANGUAGE_ID", language);
    entry.put("TITLE", "Echo");
    entry.put("PARAMS", "text to echo");
    return Map.of("0", entry);
  }

  private CommandId register(ApplicationKey app, BotId bot, String name, boolean common) {
    return commandRegistration()
        .register(
            new RegisterCommandCommand(
                app, bot.toString(), name, HANDLER, lang("en"), common, false, false));
  }

  private BitrixError registerError(String handler, String name, String bot, Object lang) {
    return bitrixError(
        rejection(
            () ->
                commandRegistration()
                    .register(
                        new RegisterCommandCommand(
                            APP, bot, name, handler, lang, false, false, false))));
  }

  private BitrixError updateError(ApplicationKey app, String id, Map<String, Object> fields) {
    return bitrixError(
        rejection(() -> updateUseCase().update(new UpdateCommandCommand(app, id, fields))));
  }

  private CommandAnswer answer(
      ApplicationKey app, String id, String name, long message, String text) {
    return answerUseCase()
        .answer(
            new AnswerCommandCommand(app, id, name, message, text, null, null, null, false, true));
  }

  private BitrixError pressError(UserId person, MessageId message, String params) {
    return bitrixError(
        rejection(
            () ->
                new PressButtonService(messenger, dispatcher)
                    .press(new PressButtonCommand(person, message, echo, "echoList", params))));
  }

  private BitrixError answerError(
      ApplicationKey app, String id, String name, long message, String text) {
    return bitrixError(rejection(() -> answer(app, id, name, message, text)));
  }

  private MessageId post(UserId author, DialogId dialog, String text) {
    return messengerPost(ChatActor.person(author), dialog, text);
  }

  private MessageId messengerPost(ChatActor author, DialogId dialog, String text) {
    return new PostMessageService(messenger)
        .post(new PostMessageCommand(author, dialog, text, null, null, null, false, true));
  }

  /** Echo answers Ann with a keyboard holding one command button. */
  private MessageId keyboardFromEcho(String command, String params) {
    Map<String, Object> button = new LinkedHashMap<>();
    button.put("TEXT", "Next");
    button.put("COMMAND", command);
    button.put("COMMAND_PARAMS", params);
    return new PostMessageService(messenger)
        .post(
            new PostMessageCommand(
                ChatActor.bot(echo.userId()),
                new DialogId.WithUser(ann),
                "Pick",
                null,
                Map.of("0", button),
                null,
                false,
                true));
  }

  private ChatId createChat(UserId owner, List<UserId> others) {
    return new CreateChatService(messenger)
        .create(
            new CreateChatCommand(
                ChatActor.person(owner), ChatType.GROUP, ChatDetails.NONE, others, null));
  }

  private List<String> eventNames() {
    return portal.enqueuedEvents().stream().map(PendingEvent::event).toList();
  }

  private PendingEvent last(String name) {
    List<PendingEvent> events =
        portal.enqueuedEvents().stream().filter(e -> e.event().equals(name)).toList();
    assertThat(events).as("%s events", name).isNotEmpty();
    return events.get(events.size() - 1);
  }

  private static String at(PendingEvent event, String... path) {
    EventData node = event.data();
    for (int i = 0; i < path.length - 1; i++) {
      node = node.nested(path[i]).orElseThrow(() -> new AssertionError("no " + List.of(path)));
    }
    return node.text(path[path.length - 1]).orElse(null);
  }
}
