package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The slash command methods over real HTTP: every error row of docs/methods/commands.md with its
 * code, text and status, in the order the rows are checked, and the results. Ann is portal user 1
 * (her webhook), Ben a second person; the bot belongs to a webhook-keyed application. The
 * operator's API is on, for removing applications.
 */
@MicronautTest
@Property(name = "imbot.admin.token", value = CommandsWireTest.ADMIN_TOKEN)
class CommandsWireTest extends ConversationWireTest {
  static final String ADMIN_TOKEN = "admin-token-for-command-tests-0123";
  private static final String COMMANDS = "https://bot.example.com/commands.php";
  private static final String OTHER_APP = "Command was installed by another rest application";
  private static final String OVERSIZE = "You have exceeded the maximum allowable size of ";

  private void error(
      String method, Map<String, Object> parameters, int status, String code, String text) {
    assertError(call(ann, method, parameters), status, code, text);
  }

  private Map<String, Object> registration(String command) {
    return commandRegistration(client, bot, command);
  }

  /** Ann registers {@code command} with {@code COMMON=Y}, callable in every chat: its id. */
  private long registerCommonCommand(String command) {
    Map<String, Object> common = registration(command);
    common.put("COMMON", "Y");
    return assertInteger(ok(ann, "imbot.command.register", common));
  }

  /** Ben writes {@code text} in chat {@code chat}: the message's id. */
  private long benWritesInChat(long chat, String text) {
    return assertInteger(
        ok(ben, "im.message.add", params("DIALOG_ID", "chat" + chat, "MESSAGE", text)));
  }

  private List<PendingEvent> events(String name) {
    return portal.outbox().page(0, Integer.MAX_VALUE).stream()
        .map(Delivery::event)
        .filter(e -> e.event().equals(name))
        .toList();
  }

  /** The {@code ONIMCOMMANDADD} events that message {@code message} (or a press on it) sent. */
  private List<PendingEvent> commandEventsOf(long message) {
    return events("ONIMCOMMANDADD").stream()
        .filter(e -> String.valueOf(message).equals(at(e, "PARAMS", "MESSAGE_ID")))
        .toList();
  }

  private Message stored(long message) {
    return portal.messages().find(MessageId.of(message)).orElseThrow();
  }

  private static String at(PendingEvent event, String... path) {
    EventData node = event.data();
    for (int i = 0; i < path.length - 1; i++) {
      node = node.nested(path[i]).orElseThrow();
    }
    return node.text(path[path.length - 1]).orElse(null);
  }

  // --- the EchoBot flow ---

  @Test
  void givenRegisteredCommand_personTypesIt_botGetsOnlyTheCommandEventAndAnswers() {
    long id = registerCommand("echo");
    int messageEvents = events("ONIMBOTMESSAGEADD").size();

    long question = annWritesToBot("/echo test");

    assertThat(events("ONIMBOTMESSAGEADD")).hasSize(messageEvents);
    PendingEvent event = events("ONIMCOMMANDADD").get(events("ONIMCOMMANDADD").size() - 1);
    assertThat(event.handler().value()).isEqualTo(COMMANDS + "?CLIENT_ID=" + client);
    assertThat(at(event, "COMMAND", String.valueOf(id), "COMMAND_PARAMS")).isEqualTo("test");
    assertThat(at(event, "COMMAND", String.valueOf(id), "MESSAGE_ID"))
        .isEqualTo(String.valueOf(question));

    long answer =
        assertInteger(ok(ann, "imbot.command.answer", commandAnswer(client, id, question, "test")));
    Map<String, Object> page = annsDialogWithTheBot();
    Map<String, Object> newest = obj(((List<?>) page.get("messages")).get(0));
    assertThat(assertInteger(newest.get("id"))).isEqualTo(answer);
    assertThat(newest).containsEntry("text", "test");
    assertThat(assertInteger(newest.get("author_id"))).isEqualTo(bot);
  }

  @Test
  void givenKnownCommand_registerAgain_returnsTheSameIdAsJsonToo() {
    long id = registerCommand("/echo");

    Object again =
        assertSuccess(
            wire.postJson(
                ann + "imbot.command.register",
                "{\"CLIENT_ID\":\""
                    + client
                    + "\",\"BOT_ID\":"
                    + bot
                    + ",\"COMMAND\":\"echo\",\"EVENT_COMMAND_ADD\":\""
                    + COMMANDS
                    + "\",\"LANG\":[{\"LANGUAGE_ID\":\"en\",\"TITLE\":\"Echo\"}]}"));

    assertThat(assertInteger(again)).isEqualTo(id);
    assertThat(portal.commands().find(CommandId.of(id)).orElseThrow().name().value())
        .isEqualTo("echo");
  }

  @Test
  void givenKeyboardAnswer_personPressesAButton_botEditsThatMessage() {
    long id = registerCommand("echoList");
    long question = annWritesToBot("/echoList");
    long keyboard =
        keyboardAnswer(
            id,
            question,
            "Page 1",
            List.of(params("TEXT", "Next", "COMMAND", "echoList", "COMMAND_PARAMS", "page 2")));

    assertThat(ok(ann, "im.message.command", press(keyboard, "echoList", "page 2")))
        .isEqualTo(true);
    PendingEvent pressed = events("ONIMCOMMANDADD").get(events("ONIMCOMMANDADD").size() - 1);
    assertThat(at(pressed, "COMMAND", String.valueOf(id), "COMMAND_CONTEXT")).isEqualTo("KEYBOARD");
    assertThat(at(pressed, "COMMAND", String.valueOf(id), "MESSAGE_ID"))
        .isEqualTo(String.valueOf(keyboard));

    assertThat(
            ok(
                ann,
                "imbot.message.update",
                params(
                    "CLIENT_ID",
                    client,
                    "MESSAGE_ID",
                    String.valueOf(keyboard),
                    "MESSAGE",
                    "Page 2",
                    "KEYBOARD",
                    "N")))
        .isEqualTo(true);
    assertThat(
            portal
                .messages()
                .find(dev.imbot.domain.chat.MessageId.of(keyboard))
                .orElseThrow()
                .text())
        .isEqualTo("Page 2");
  }

  @Test
  void givenChatWithoutTheBot_commands_areIgnoredUnlessCommon() {
    registerCommand("echo");
    long chat = chatWithoutTheBot();
    int before = events("ONIMCOMMANDADD").size();

    ok(ben, "im.message.add", params("DIALOG_ID", "chat" + chat, "MESSAGE", "/echo hi"));
    assertThat(events("ONIMCOMMANDADD")).hasSize(before);

    long everywhere = registerCommonCommand("everywhere");
    ok(ben, "im.message.add", params("DIALOG_ID", "chat" + chat, "MESSAGE", "/everywhere hi"));
    PendingEvent event = events("ONIMCOMMANDADD").get(before);
    assertThat(at(event, "COMMAND", String.valueOf(everywhere), "COMMAND_PARAMS")).isEqualTo("hi");
    assertThat(at(event, "PARAMS", "DIALOG_ID")).isEqualTo("chat" + chat);
  }

  @Test
  void givenCommandsOfTheBot_update_unregister_andUnregisteringTheBot_changeAndRemoveThem() {
    long id = registerCommand("echo");
    assertThat(
            ok(
                ann,
                "imbot.command.update",
                params(
                    "CLIENT_ID", client,
                    "COMMAND_ID", String.valueOf(id),
                    "FIELDS",
                        params(
                            "COMMAND", "say",
                            "HIDDEN", "Y",
                            "LANG", "[{\"LANGUAGE_ID\":\"de\",\"TITLE\":\"Sag\"}]"))))
        .isEqualTo(true);
    var changed = portal.commands().find(CommandId.of(id)).orElseThrow();
    assertThat(changed.name().value()).isEqualTo("say");
    assertThat(changed.translations().get(0).languageId()).isEqualTo("de");

    assertThat(
            ok(
                ann,
                "imbot.command.unregister",
                params("CLIENT_ID", client, "COMMAND_ID", String.valueOf(id))))
        .isEqualTo(true);
    assertThat(portal.commands().find(CommandId.of(id))).isEmpty();

    long kept = registerCommand("echo");
    ok(ann, "imbot.unregister", params("CLIENT_ID", client, "BOT_ID", String.valueOf(bot)));
    assertThat(portal.commands().find(CommandId.of(kept))).isEmpty();
  }

  // --- imbot.command.register: every row ---

  @Test
  void givenEachFault_register_answersItsRowInOrder() {
    Map<String, Object> p = registration("echo");
    p.remove("CLIENT_ID");
    error(
        "imbot.command.register",
        p,
        403,
        "ACCESS_DENIED",
        "Access denied! Client ID not specified");
    p.put("CLIENT_ID", "x".repeat(123));
    error(
        "imbot.command.register",
        p,
        400,
        "WRONG_REQUEST",
        "CLIENT_ID must be at most 122 characters");

    p = registration("echo");
    p.remove("EVENT_COMMAND_ADD");
    p.put("COMMAND", "");
    error(
        "imbot.command.register",
        p,
        400,
        "EVENT_COMMAND_ADD_ERROR",
        "Handler for \"Command add\" event isn't specified");
    p.put("EVENT_COMMAND_ADD", "http://localhost/x");
    error("imbot.command.register", p, 400, "EVENT_COMMAND_ADD_ERROR", "Wrong handler URL");
    p.put("EVENT_COMMAND_ADD", "ftp://bot.example.com/x");
    error(
        "imbot.command.register",
        p,
        400,
        "EVENT_COMMAND_ADD_ERROR",
        "Unsupported handler protocol");

    p = registration("/");
    p.put("BOT_ID", "0");
    error("imbot.command.register", p, 400, "COMMAND_ERROR", "Command isn't specified");
    p.put("COMMAND", "c".repeat(256));
    error(
        "imbot.command.register",
        p,
        400,
        "WRONG_REQUEST",
        "COMMAND must be at most 255 characters");

    p = registration("echo");
    p.put("BOT_ID", "999999");
    p.remove("LANG");
    error("imbot.command.register", p, 400, "BOT_ID_ERROR", "Bot not found");
    long foreign = register(ann, minimalBot(unique("other"), unique("f"), "F"));
    p.put("BOT_ID", String.valueOf(foreign));
    error(
        "imbot.command.register",
        p,
        400,
        "APP_ID_ERROR",
        "Bot was installed by another rest application");

    p.put("BOT_ID", String.valueOf(bot));
    error("imbot.command.register", p, 400, "LANG_ERROR", "Lang set can't be empty");
    p.put("LANG", List.of(params("LANGUAGE_ID", "en", "TITLE", "t".repeat(256))));
    error(
        "imbot.command.register",
        p,
        400,
        "WRONG_REQUEST",
        "LANG[0][TITLE] must be at most 255 characters");
    assertThat(
            portal
                .handlers()
                .commandHandlerOf(dev.imbot.domain.portal.ApplicationKey.fromClientId(client)))
        .isEmpty();
  }

  // --- imbot.command.update: every row ---

  @Test
  void givenLongClientId_updateUnregisterAndAnswer_refuseIt() {
    for (String method :
        List.of("imbot.command.update", "imbot.command.unregister", "imbot.command.answer")) {
      error(
          method,
          params("CLIENT_ID", "x".repeat(123), "COMMAND_ID", "1"),
          400,
          "WRONG_REQUEST",
          "CLIENT_ID must be at most 122 characters");
    }
  }

  @Test
  void givenEachFault_update_answersItsRowInOrder() {
    long id = registerCommand("echo");
    registerCommand("help");
    String command = String.valueOf(id);
    error(
        "imbot.command.update",
        params("COMMAND_ID", command, "FIELDS", params("HIDDEN", "Y")),
        403,
        "ACCESS_DENIED",
        "Access denied! Client ID not specified");
    error(
        "imbot.command.update",
        params("CLIENT_ID", client, "COMMAND_ID", "999999", "FIELDS", params("HIDDEN", "Y")),
        400,
        "COMMAND_ID_ERROR",
        "Command not found");
    error(
        "imbot.command.update",
        params("CLIENT_ID", unique("other"), "COMMAND_ID", command),
        400,
        "APP_ID_ERROR",
        OTHER_APP);
    error(
        "imbot.command.update",
        params(
            "CLIENT_ID",
            client,
            "COMMAND_ID",
            command,
            "FIELDS",
            params("EVENT_COMMAND_ADD", "http://localhost/x", "COMMAND", "c".repeat(256))),
        400,
        "EVENT_COMMAND_ADD_ERROR",
        "Wrong handler URL");
    error(
        "imbot.command.update",
        params(
            "CLIENT_ID",
            client,
            "COMMAND_ID",
            command,
            "FIELDS",
            params("EVENT_COMMAND_ADD", "ftp://bot.example.com/x")),
        400,
        "EVENT_COMMAND_ADD_ERROR",
        "Unsupported handler protocol");
    error(
        "imbot.command.update",
        params(
            "CLIENT_ID",
            client,
            "COMMAND_ID",
            command,
            "FIELDS",
            params("COMMAND", "c".repeat(256))),
        400,
        "WRONG_REQUEST",
        "FIELDS[COMMAND] must be at most 255 characters");
    error(
        "imbot.command.update",
        params("CLIENT_ID", client, "COMMAND_ID", command, "FIELDS", params("COMMON", "Y")),
        400,
        "WRONG_REQUEST",
        "Update fields can't be empty");
    error(
        "imbot.command.update",
        params("CLIENT_ID", client, "COMMAND_ID", command, "FIELDS", params("COMMAND", "help")),
        400,
        "WRONG_REQUEST",
        "Command can't be updated");
  }

  // --- imbot.command.unregister: every row but the last (CommandWriteConflictWireTest) ---

  @Test
  void givenEachFault_unregister_answersItsRowInOrder() {
    long id = registerCommand("echo");
    error(
        "imbot.command.unregister",
        params("COMMAND_ID", String.valueOf(id)),
        403,
        "ACCESS_DENIED",
        "Access denied! Client ID not specified");
    error(
        "imbot.command.unregister",
        params("CLIENT_ID", client, "COMMAND_ID", "abc"),
        400,
        "COMMAND_ID_ERROR",
        "Command not found");
    error(
        "imbot.command.unregister",
        params("CLIENT_ID", unique("other"), "COMMAND_ID", String.valueOf(id)),
        400,
        "APP_ID_ERROR",
        OTHER_APP);
  }

  // --- imbot.command.answer: every row ---

  @Test
  void givenEachFault_answer_answersItsRowInOrder() {
    long id = registerCommand("echo");
    long question = annWritesToBot("/echo");
    Map<String, Object> p =
        params("COMMAND_ID", String.valueOf(id), "MESSAGE_ID", String.valueOf(question));
    error(
        "imbot.command.answer", p, 403, "ACCESS_DENIED", "Access denied! Client ID not specified");
    p.put("CLIENT_ID", client);
    p.put("COMMAND_ID", "999999");
    error("imbot.command.answer", p, 400, "COMMAND_ID_ERROR", "Command not found");
    p.remove("COMMAND_ID");
    p.put("COMMAND", "unknown");
    error("imbot.command.answer", p, 400, "COMMAND_ID_ERROR", "Command not found");
    p.put("CLIENT_ID", unique("other"));
    p.remove("COMMAND");
    p.put("COMMAND_ID", String.valueOf(id));
    error("imbot.command.answer", p, 400, "APP_ID_ERROR", OTHER_APP);
    p.put("CLIENT_ID", client);
    p.put("MESSAGE_ID", "0");
    error("imbot.command.answer", p, 400, "MESSAGE_ID_EMPTY", "Message ID can't be empty");
    p.put("MESSAGE_ID", String.valueOf(question));
    p.put("MESSAGE", " ");
    error("imbot.command.answer", p, 400, "MESSAGE_EMPTY", "Message can't be empty");
    p.put("MESSAGE", "answer");
    String huge = "x".repeat(60_001);
    Object[][] extras = {
      {"ATTACH", params("VIDEO", "x"), "ATTACH_ERROR", "Incorrect attach params"},
      {"ATTACH", params("MESSAGE", huge), "ATTACH_OVERSIZE", OVERSIZE + "attach"},
      {"KEYBOARD", params("TEXT", "no action"), "KEYBOARD_ERROR", "Incorrect keyboard params"},
      {
        "KEYBOARD",
        params("TEXT", huge, "COMMAND", "echo"),
        "KEYBOARD_OVERSIZE",
        OVERSIZE + "keyboard"
      },
      {"MENU", params("TEXT", "no action"), "MENU_ERROR", "Incorrect menu params"},
      {
        "MENU",
        params("TEXT", huge, "LINK", "https://example.com"),
        "MENU_OVERSIZE",
        OVERSIZE + "menu"
      },
    };
    for (Object[] row : extras) {
      p.put((String) row[0], List.of(row[1]));
      error("imbot.command.answer", p, 400, (String) row[2], (String) row[3]);
      p.remove((String) row[0]);
    }
    p.put("MESSAGE_ID", "999999");
    error("imbot.command.answer", p, 400, "WRONG_REQUEST", "Message isn't added");
  }

  // --- im.message.command: every row ---

  @Test
  void givenEachFault_messageCommand_answersItsRowInOrder() {
    long id = registerCommand("echoList");
    long question = annWritesToBot("/echoList");
    long keyboard =
        keyboardAnswer(
            id, question, "Pick", List.of(params("TEXT", "Next", "COMMAND", "/echoList")));
    error(
        "im.message.command",
        params("BOT_ID", "0", "COMMAND", ""),
        400,
        "MESSAGE_ID_ERROR",
        "Message ID can't be empty");
    error(
        "im.message.command",
        params("ID", String.valueOf(keyboard), "BOT_ID", "x", "COMMAND", ""),
        400,
        "BOT_ID_ERROR",
        "Bot ID can't be empty");
    error(
        "im.message.command",
        params("MESSAGE_ID", String.valueOf(keyboard), "BOT_ID", String.valueOf(bot)),
        400,
        "COMMAND_ERROR",
        "Command can't be empty");
    error(
        "im.message.command",
        press(keyboard, "echoList", "page 9"),
        400,
        "PARAMS_ERROR",
        "Incorrect params");
    assertError(
        call(ben, "im.message.command", press(keyboard, "echoList", null)),
        400,
        "PARAMS_ERROR",
        "Incorrect params");
    assertThat(ok(ann, "im.message.command", press(keyboard, "echoList", null))).isEqualTo(true);
  }

  // --- recognition: where a command is called, and by whom ---

  @Test
  void givenChatWithTheBot_itsCommandThatIsNotCommon_isCalled() {
    long id = registerCommand("echo");
    long chat = chatWithTheBot();

    long message = benWritesInChat(chat, "/echo hi");

    List<PendingEvent> sent = commandEventsOf(message);
    assertThat(sent).hasSize(1);
    assertThat(at(sent.get(0), "COMMAND", String.valueOf(id), "COMMAND_PARAMS")).isEqualTo("hi");
    assertThat(at(sent.get(0), "COMMAND", String.valueOf(id), "COMMAND_CONTEXT"))
        .isEqualTo("TEXTAREA");
    assertThat(at(sent.get(0), "PARAMS", "DIALOG_ID")).isEqualTo("chat" + chat);
  }

  @Test
  void givenPersonsSystemMessage_holdingACommand_sendsNoCommandEvent() {
    registerCommand("echo");

    long message =
        assertInteger(
            ok(
                ann,
                "im.message.add",
                params("DIALOG_ID", String.valueOf(bot), "MESSAGE", "/echo test", "SYSTEM", "Y")));

    assertThat(stored(message).isSystem()).isTrue();
    assertThat(commandEventsOf(message)).isEmpty();
  }

  @Test
  void givenCommonCommandsOfTwoApplications_oneMessage_sendsEachApplicationItsOwnEvent() {
    String name = unique("both");
    long myCommand = registerCommonCommand(name);
    String otherClient = unique("app");
    long otherBot = register(ann, minimalBot(otherClient, unique("other"), "Other"));
    Map<String, Object> theirs = commandRegistration(otherClient, otherBot, name);
    theirs.put("COMMON", "Y");
    theirs.put("EVENT_COMMAND_ADD", "https://other.example.com/commands.php");
    long theirCommand = assertInteger(ok(ann, "imbot.command.register", theirs));

    long message = benWritesInChat(chatWithoutTheBot(), "/" + name + " x");

    List<PendingEvent> sent = commandEventsOf(message);
    assertThat(sent)
        .extracting(PendingEvent::application)
        .containsExactlyInAnyOrder(
            ApplicationKey.fromClientId(client), ApplicationKey.fromClientId(otherClient));
    for (PendingEvent event : sent) {
      boolean isMine = event.application().equals(ApplicationKey.fromClientId(client));
      assertThat(event.handler().value())
          .isEqualTo(
              isMine
                  ? COMMANDS + "?CLIENT_ID=" + client
                  : "https://other.example.com/commands.php?CLIENT_ID=" + otherClient);
      assertThat(event.data().nested("COMMAND").orElseThrow().asMap())
          .containsOnlyKeys(String.valueOf(isMine ? myCommand : theirCommand));
    }
  }

  // --- imbot.command.register: flags, BOT_ID, the application's removal ---

  @Test
  void givenFlagsOtherThanCapitalY_register_storesThemAsNo() {
    Map<String, Object> lowerCase = registration(unique("flags"));
    lowerCase.put("COMMON", "y");
    lowerCase.put("HIDDEN", "Y");
    lowerCase.put("EXTRANET_SUPPORT", "yes");
    Map<String, Object> upperCase = registration(unique("flags"));
    upperCase.put("COMMON", "Y");
    upperCase.put("HIDDEN", "true");
    upperCase.put("EXTRANET_SUPPORT", "Y");

    SlashCommand first =
        portal
            .commands()
            .find(CommandId.of(assertInteger(ok(ann, "imbot.command.register", lowerCase))))
            .orElseThrow();
    SlashCommand second =
        portal
            .commands()
            .find(CommandId.of(assertInteger(ok(ann, "imbot.command.register", upperCase))))
            .orElseThrow();

    assertThat(List.of(first.common(), first.hidden(), first.extranetSupport()))
        .containsExactly(false, true, false);
    assertThat(List.of(second.common(), second.hidden(), second.extranetSupport()))
        .containsExactly(true, false, true);
  }

  @Test
  void givenApplicationWithABot_registerWithoutBotIdOrWithZero_isBotNotFoundWithoutFallback() {
    Map<String, Object> p = registration("echo");
    p.remove("BOT_ID");
    error("imbot.command.register", p, 400, "BOT_ID_ERROR", "Bot not found");
    for (String botId : List.of("0", "", " ")) {
      p.put("BOT_ID", botId);
      error("imbot.command.register", p, 400, "BOT_ID_ERROR", "Bot not found");
    }
    assertThat(portal.handlers().commandHandlerOf(ApplicationKey.fromClientId(client))).isEmpty();
  }

  @Test
  void givenApplicationWithACommand_operatorRemovesIt_commandAndCommandHandlerGoWithIt() {
    String removedClient = unique("gone.");
    String token = applicationToken(removedClient);
    long goneBot = registerWithToken(minimalBot(null, unique("gone"), "Gone"), token);
    String name = unique("gone");
    Map<String, Object> gone = commandRegistration(null, goneBot, name);
    gone.put("COMMON", "Y");
    long goneCommand =
        assertInteger(assertSuccess(callWithToken("imbot.command.register", gone, token)));
    long kept = registerCommand("echo");
    long chat = chatWithoutTheBot();
    long before = benWritesInChat(chat, "/" + name);
    assertThat(commandEventsOf(before)).hasSize(1);

    Wire.Response removed =
        wire.send(
            "DELETE",
            "/admin/v1/applications/" + removedClient,
            null,
            "Authorization",
            "Bearer " + ADMIN_TOKEN);
    assertThat(removed.status()).as("%s", removed).isEqualTo(200);

    long after = benWritesInChat(chat, "/" + name);
    assertThat(commandEventsOf(after)).isEmpty();
    assertThat(portal.commands().find(CommandId.of(goneCommand))).isEmpty();
    assertThat(portal.handlers().commandHandlerOf(ApplicationKey.of(removedClient))).isEmpty();
    assertThat(portal.commands().find(CommandId.of(kept))).isPresent();
    assertThat(portal.handlers().commandHandlerOf(ApplicationKey.fromClientId(client))).isPresent();
  }

  // --- Row 1 comes first ---

  @Test
  void givenNoClientIdAmongOtherFaults_everyCommandMethod_answersAccessDeniedFirst() {
    String denied = "Access denied! Client ID not specified";
    Map<String, Object> register =
        params("BOT_ID", "0", "COMMAND", "/", "EVENT_COMMAND_ADD", "ftp://bot.example.com/x");
    error("imbot.command.register", register, 403, "ACCESS_DENIED", denied);
    register.put("CLIENT_ID", " ");
    error("imbot.command.register", register, 403, "ACCESS_DENIED", denied);
    error(
        "imbot.command.update",
        params(
            "COMMAND_ID",
            "abc",
            "FIELDS",
            params("EVENT_COMMAND_ADD", "http://localhost/x", "COMMAND", "c".repeat(256))),
        403,
        "ACCESS_DENIED",
        denied);
    error("imbot.command.unregister", params("COMMAND_ID", "999999"), 403, "ACCESS_DENIED", denied);
    error(
        "imbot.command.answer",
        params("COMMAND_ID", "999999", "MESSAGE_ID", "0", "MESSAGE", " "),
        403,
        "ACCESS_DENIED",
        denied);
  }

  // --- imbot.command.answer: rows 5 to 9 against each other, and what an answer is ---

  @Test
  void givenSeveralFaultsFromMessageOn_answer_reportsTheEarliestRow() {
    long id = registerCommand("echo");
    long question = annWritesToBot("/echo");
    String huge = "x".repeat(60_001);
    Map<String, Object> p =
        params(
            "CLIENT_ID", client,
            "COMMAND_ID", String.valueOf(id),
            "MESSAGE_ID", "999999",
            "MESSAGE", " ",
            "ATTACH", List.of(params("VIDEO", "x")),
            "KEYBOARD", List.of(params("TEXT", "no action")),
            "MENU", List.of(params("TEXT", "no action")));
    error("imbot.command.answer", p, 400, "MESSAGE_EMPTY", "Message can't be empty");
    p.put("MESSAGE", "answer");
    error("imbot.command.answer", p, 400, "ATTACH_ERROR", "Incorrect attach params");
    p.put("ATTACH", List.of(params("MESSAGE", huge)));
    error("imbot.command.answer", p, 400, "ATTACH_OVERSIZE", OVERSIZE + "attach");
    p.remove("ATTACH");
    error("imbot.command.answer", p, 400, "KEYBOARD_ERROR", "Incorrect keyboard params");
    p.put("KEYBOARD", List.of(params("TEXT", huge, "COMMAND", "echo")));
    error("imbot.command.answer", p, 400, "KEYBOARD_OVERSIZE", OVERSIZE + "keyboard");
    p.remove("KEYBOARD");
    error("imbot.command.answer", p, 400, "MENU_ERROR", "Incorrect menu params");
    p.put("MENU", List.of(params("TEXT", huge, "LINK", "https://example.com")));
    error("imbot.command.answer", p, 400, "MENU_OVERSIZE", OVERSIZE + "menu");
    p.remove("MENU");
    error("imbot.command.answer", p, 400, "WRONG_REQUEST", "Message isn't added");
    assertThat(portal.messages().lastIdIn(stored(question).chat())).isEqualTo(question);
  }

  @Test
  void givenSystemY_answer_isASystemMessageHeadedByTheBotEvenWhereItIsAMember() {
    long id = registerCommand("echo");
    long question = annWritesToBot("/echo");

    Map<String, Object> system = commandAnswer(client, id, question, "hi");
    system.put("SYSTEM", "Y");
    long answer = assertInteger(ok(ann, "imbot.command.answer", system));

    Message posted = stored(answer);
    assertThat(posted.isSystem()).isTrue();
    assertThat(posted.author()).contains(UserId.of(bot));
    assertThat(posted.chat()).isEqualTo(stored(question).chat());
    assertThat(posted.text()).isEqualTo("Answer from [USER=" + bot + "]Echo[/USER][BR]hi");
  }

  @Test
  void givenAnswerThatReadsLikeACommand_answer_callsNoCommandAndReachesNoBot() {
    long id = registerCommand("echo");
    long question = annWritesToBot("/echo");
    int commandEvents = events("ONIMCOMMANDADD").size();
    int messageEvents = events("ONIMBOTMESSAGEADD").size();

    long answer =
        assertInteger(
            ok(ann, "imbot.command.answer", commandAnswer(client, id, question, "/echo again")));

    assertThat(stored(answer).text()).isEqualTo("/echo again");
    assertThat(events("ONIMCOMMANDADD")).hasSize(commandEvents);
    assertThat(events("ONIMBOTMESSAGEADD")).hasSize(messageEvents);
  }

  // --- im.message.command: a button whose command is not available there ---

  @Test
  void givenButtonWhoseCommandIsNotAvailableInTheChat_messageCommand_answersTrueAndSendsNothing() {
    String anywhere = unique("anywhere");
    long commonCommand = registerCommonCommand(anywhere);
    registerCommand("echoList");
    long chat = chatWithoutTheBot();
    long question =
        assertInteger(
            ok(
                ann,
                "im.message.add",
                params("DIALOG_ID", "chat" + chat, "MESSAGE", "/" + anywhere)));
    long keyboard =
        keyboardAnswer(
            commonCommand,
            question,
            "Pick",
            List.of(params("TEXT", "Next", "COMMAND", "echoList", "COMMAND_PARAMS", "2")));
    assertThat(stored(keyboard).hasCommandButton(BotId.of(bot), "echoList", "2")).isTrue();

    assertThat(ok(ann, "im.message.command", press(keyboard, "echoList", "2"))).isEqualTo(true);

    assertThat(commandEventsOf(keyboard)).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> obj(Object value) {
    return (Map<String, Object>) value;
  }
}
