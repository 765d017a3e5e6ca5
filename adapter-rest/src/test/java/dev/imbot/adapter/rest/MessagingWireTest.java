package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The messenger's methods over real HTTP: every error row with its code, text and status, the order
 * rows are checked in, and the results' shapes. Ann is portal user 1 (her webhook), Ben a second
 * person; the bots belong to a webhook-keyed application ({@code CLIENT_ID}).
 */
@MicronautTest
class MessagingWireTest extends ConversationWireTest {
  private static final String CANT_EDIT =
      "Time has expired for modification or you don't have access";

  private void error(
      String prefix,
      String method,
      Map<String, Object> parameters,
      int status,
      String code,
      String text) {
    assertError(call(prefix, method, parameters), status, code, text);
  }

  // --- the conversation ---

  @Test
  void givenPersonWritingToABot_botAnswersWithClientId_answerIsInTheDialog() {
    long question = annWritesToBot("Hello, bot");
    long answer =
        assertInteger(
            ok(
                ann,
                "imbot.message.add",
                params("CLIENT_ID", client, "DIALOG_ID", "1", "MESSAGE", "Hello, Ann")));

    Map<String, Object> page = annsDialogWithTheBot();
    assertThat(answer).isGreaterThan(question);
    List<?> messages = (List<?>) page.get("messages");
    assertThat(messages).hasSize(2);
    assertThat(obj(messages.get(0)))
        .containsEntry("text", "Hello, Ann")
        .containsEntry("params", List.of());
    assertThat(assertInteger(obj(messages.get(0)).get("author_id"))).isEqualTo(bot);
    assertThat(obj(messages.get(1))).containsEntry("text", "Hello, bot");
    assertThat(page).containsKeys("chat_id", "users", "files");
    assertThat((List<?>) page.get("users")).hasSize(2);
  }

  @Test
  void givenBatch_messengerMethods_runInsideItWithReferences() {
    Map<String, Object> commands =
        params(
            "sent",
                "im.message.add?"
                    + PhpQuery.build(
                        params("DIALOG_ID", String.valueOf(bot), "MESSAGE", "from batch")),
            "page", "im.dialog.messages.get?DIALOG_ID=" + bot + "&FIRST_ID=0",
            "dialog", "imbot.dialog.get?DIALOG_ID=" + bot);
    @SuppressWarnings("unchecked")
    Map<String, Object> result =
        (Map<String, Object>) ok(ann, "batch", params("halt", 1, "cmd", commands));
    @SuppressWarnings("unchecked")
    Map<String, Object> results = (Map<String, Object>) result.get("result");
    assertThat(results).containsKeys("sent", "page", "dialog");
    assertThat(((Map<?, ?>) results.get("dialog")).get("dialog_id")).isEqualTo(String.valueOf(bot));
  }

  // --- imbot.message.add ---

  @Test
  void givenWebhookWithoutClientId_botMethods_areDenied() {
    for (String method :
        List.of(
            "imbot.message.add",
            "imbot.message.update",
            "imbot.message.delete",
            "imbot.message.like",
            "imbot.chat.sendTyping",
            "imbot.chat.add")) {
      error(
          ann,
          method,
          params("DIALOG_ID", "1", "MESSAGE", "x", "MESSAGE_ID", "1"),
          403,
          "ACCESS_DENIED",
          "Access denied! Client ID not specified");
    }
  }

  @Test
  void givenBotErrors_messageAdd_checksBotBeforeDialogBeforeMessage() {
    error(
        ann,
        "imbot.message.add",
        params("CLIENT_ID", client, "BOT_ID", "999999"),
        400,
        "BOT_ID_ERROR",
        "Bot not found");
    error(
        ann,
        "imbot.message.add",
        params("CLIENT_ID", unique("nobots")),
        400,
        "BOT_ID_ERROR",
        "Bot not found");
    long foreign = register(ann, minimalBot(unique("other"), unique("f"), "F"));
    error(
        ann,
        "imbot.message.add",
        params("CLIENT_ID", client, "BOT_ID", String.valueOf(foreign), "DIALOG_ID", "x"),
        400,
        "APP_ID_ERROR",
        "Bot was installed by another rest application");
    error(
        ann,
        "imbot.message.add",
        params("CLIENT_ID", client, "DIALOG_ID", "chat0"),
        400,
        "DIALOG_ID_EMPTY",
        "Dialog ID can't be empty");
    error(
        ann,
        "imbot.message.add",
        params(
            "CLIENT_ID",
            client,
            "DIALOG_ID",
            "1",
            "MESSAGE",
            "  ",
            "ATTACH",
            List.of(params("MESSAGE", "x"))),
        400,
        "MESSAGE_EMPTY",
        "Message can't be empty");
  }

  @Test
  void givenBadExtras_messageAdd_refusesEachWithItsCode() {
    Map<String, Object> base = params("CLIENT_ID", client, "DIALOG_ID", "1", "MESSAGE", "m");
    error(
        ann,
        "imbot.message.add",
        with(base, "ATTACH", "not json"),
        400,
        "ATTACH_ERROR",
        "Incorrect attach params");
    error(
        ann,
        "imbot.message.add",
        with(base, "ATTACH", List.of(params("MESSAGE", "x".repeat(60_001)))),
        400,
        "ATTACH_OVERSIZE",
        "You have exceeded the maximum allowable size of attach");
    error(
        ann,
        "imbot.message.add",
        with(base, "KEYBOARD", List.of(params("TEXT", "no action"))),
        400,
        "KEYBOARD_ERROR",
        "Incorrect keyboard params");
    error(
        ann,
        "imbot.message.add",
        with(base, "KEYBOARD", List.of(params("TEXT", "x".repeat(60_001), "COMMAND", "go"))),
        400,
        "KEYBOARD_OVERSIZE",
        "You have exceeded the maximum allowable size of keyboard");
    error(
        ann,
        "imbot.message.add",
        with(base, "MENU", "[{\"TEXT\":\"no action\"}]"),
        400,
        "MENU_ERROR",
        "Incorrect menu params");
    error(
        ann,
        "imbot.message.add",
        with(base, "MENU", List.of(params("TEXT", "x".repeat(60_001), "LINK", "/a"))),
        400,
        "MENU_OVERSIZE",
        "You have exceeded the maximum allowable size of menu");
  }

  @Test
  void givenValidExtrasAsJsonText_messageAdd_storesThem() {
    long id =
        assertInteger(
            ok(
                ann,
                "imbot.message.add",
                params(
                    "CLIENT_ID",
                    client,
                    "DIALOG_ID",
                    "1",
                    "MESSAGE",
                    "m",
                    "ATTACH",
                    "[{\"MESSAGE\":\"block\"}]",
                    "KEYBOARD",
                    "[{\"TEXT\":\"Go\",\"COMMAND\":\"/go\"}]")));
    @SuppressWarnings("unchecked")
    Map<String, Object> page =
        (Map<String, Object>) ok(ann, "im.dialog.messages.get", params("DIALOG_ID", bot));
    Map<?, ?> message = (Map<?, ?>) ((List<?>) page.get("messages")).get(0);
    assertThat(assertInteger(message.get("id"))).isEqualTo(id);
    assertThat(obj(message.get("params"))).containsKeys("ATTACH", "KEYBOARD");
  }

  @Test
  void givenChatWithoutTheBot_messageAdd_isNotAdded() {
    long chat = chatWithoutTheBot();
    error(
        ann,
        "imbot.message.add",
        params("CLIENT_ID", client, "DIALOG_ID", "chat" + chat, "MESSAGE", "hi"),
        400,
        "WRONG_REQUEST",
        "Message isn't added");
  }

  // --- imbot.message.update / delete / like ---

  @Test
  void givenUpdateErrors_messageUpdate_answersEachInOrder() {
    long annsMessage = annWritesToBot("Ann's");
    long botsMessage =
        assertInteger(
            ok(
                ann,
                "imbot.message.add",
                params("CLIENT_ID", client, "DIALOG_ID", "1", "MESSAGE", "bot's")));
    error(
        ann,
        "imbot.message.update",
        params("CLIENT_ID", client, "MESSAGE_ID", "abc"),
        400,
        "MESSAGE_ID_ERROR",
        "Message ID can't be empty");
    error(
        ann,
        "imbot.message.update",
        params("CLIENT_ID", client, "MESSAGE_ID", annsMessage, "ATTACH", "junk"),
        403,
        "CANT_EDIT_MESSAGE",
        CANT_EDIT);
    error(
        ann,
        "imbot.message.update",
        params("CLIENT_ID", client, "MESSAGE_ID", botsMessage, "ATTACH", "junk"),
        400,
        "ATTACH_ERROR",
        "Incorrect attach params");
    error(
        ann,
        "imbot.message.update",
        params("CLIENT_ID", client, "MESSAGE_ID", botsMessage, "KEYBOARD", "[{\"TEXT\":\"\"}]"),
        400,
        "KEYBOARD_ERROR",
        "Incorrect keyboard params");
    error(
        ann,
        "imbot.message.update",
        params("CLIENT_ID", client, "MESSAGE_ID", botsMessage, "MENU", "[{\"TEXT\":\"x\"}]"),
        400,
        "menu_ERROR",
        "Incorrect menu params");
    error(
        ann,
        "imbot.message.update",
        params("CLIENT_ID", client, "MESSAGE_ID", annsMessage, "MESSAGE", "mine now"),
        403,
        "CANT_EDIT_MESSAGE",
        CANT_EDIT);
    assertThat(
            ok(
                ann,
                "imbot.message.update",
                params("CLIENT_ID", client, "MESSAGE_ID", botsMessage, "MESSAGE", "edited")))
        .isEqualTo(true);
  }

  @Test
  void givenDeleteAndLike_theirErrorsAndResults() {
    long annsMessage = annWritesToBot("Ann's");
    long botsMessage =
        assertInteger(
            ok(
                ann,
                "imbot.message.add",
                params("CLIENT_ID", client, "DIALOG_ID", "1", "MESSAGE", "bot's")));
    error(
        ann,
        "imbot.message.delete",
        params("CLIENT_ID", client),
        400,
        "MESSAGE_ID_ERROR",
        "Message ID can't be empty");
    error(
        ann,
        "imbot.message.delete",
        params("CLIENT_ID", client, "MESSAGE_ID", annsMessage),
        403,
        "CANT_EDIT_MESSAGE",
        CANT_EDIT);
    error(
        ann,
        "imbot.message.like",
        params("CLIENT_ID", client, "MESSAGE_ID", "0"),
        400,
        "MESSAGE_ID_ERROR",
        "Message ID can't be empty");
    assertThat(
            ok(
                ann,
                "imbot.message.like",
                params("CLIENT_ID", client, "MESSAGE_ID", annsMessage, "ACTION", "plus")))
        .isEqualTo(true);
    error(
        ann,
        "imbot.message.like",
        params("CLIENT_ID", client, "MESSAGE_ID", annsMessage, "ACTION", "plus"),
        400,
        "WITHOUT_CHANGES",
        "Action completed without changes");
    assertThat(
            ok(ann, "imbot.message.delete", params("CLIENT_ID", client, "MESSAGE_ID", botsMessage)))
        .isEqualTo(true);
  }

  // --- imbot.chat.* and dialogs ---

  @Test
  void givenTyping_sendTyping_checksTheDialogAndAnswersTrue() {
    error(
        ann,
        "imbot.chat.sendTyping",
        params("CLIENT_ID", client),
        400,
        "DIALOG_ID_EMPTY",
        "Dialog ID can't be empty");
    assertThat(ok(ann, "imbot.chat.sendTyping", params("CLIENT_ID", client, "DIALOG_ID", "1")))
        .isEqualTo(true);
  }

  @Test
  void givenDialogs_dialogGet_answersTheChatObjectOrItsErrors() {
    long chat = chatWithTheBot();
    @SuppressWarnings("unchecked")
    Map<String, Object> dialog =
        (Map<String, Object>) ok(ben, "imbot.dialog.get", params("DIALOG_ID", "chat" + chat));
    assertThat(dialog)
        .containsEntry("dialog_id", "chat" + chat)
        .containsEntry("message_type", "C")
        .containsEntry("role", "member");
    assertThat(assertInteger(dialog.get("id"))).isEqualTo(chat);
    assertThat(assertInteger(dialog.get("owner"))).isEqualTo(bot);
    for (String method : List.of("imbot.dialog.get", "im.dialog.get")) {
      error(
          ann,
          method,
          params("DIALOG_ID", "chat0"),
          400,
          "DIALOG_ID_EMPTY",
          "Dialog ID can't be empty");
      error(
          ann,
          method,
          params("DIALOG_ID", "chat999999"),
          400,
          "ACCESS_ERROR",
          "You don't have access to this chat");
    }
    long closed = assertInteger(ok(ben, "im.chat.add", params("TITLE", "Ben alone")));
    error(
        ann,
        "im.dialog.get",
        params("DIALOG_ID", "chat" + closed),
        403,
        "ACCESS_ERROR",
        "You do not have access to the specified dialog");
  }

  @Test
  void givenEntityBinding_chatAddAndGet_findTheChat() {
    error(
        ann,
        "imbot.chat.add",
        params("USERS", params("0", params("x", "1"))),
        400,
        "INVALID_FORMAT",
        "Parameter USERS has wrong type");
    String entity = unique("ent");
    long chat =
        assertInteger(
            ok(
                ann,
                "imbot.chat.add",
                params("CLIENT_ID", client, "ENTITY_TYPE", "LINES", "ENTITY_ID", entity)));
    assertThat(
            assertInteger(
                obj(ok(ann, "imbot.chat.get", params("ENTITY_TYPE", "LINES", "ENTITY_ID", entity)))
                    .get("ID")))
        .isEqualTo(chat);
    assertThat(ok(ann, "imbot.chat.get", params("ENTITY_TYPE", "LINES"))).isNull();
    assertThat(ok(ann, "imbot.chat.get", params("ENTITY_TYPE", "LINES", "ENTITY_ID", "nope")))
        .isNull();
  }

  @Test
  void givenMembership_botChatMethods_answerEachRow() {
    long chat = chatWithTheBot();
    long dialog = annWritesToBot("hi");
    long privateChat = dialogChatId();
    assertThat(dialog).isPositive();
    for (String method :
        List.of(
            "imbot.chat.leave",
            "imbot.chat.user.add",
            "imbot.chat.user.list",
            "imbot.chat.user.delete",
            "imbot.chat.setOwner",
            "imbot.chat.updateTitle")) {
      error(
          ann, method, params("CLIENT_ID", client), 400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
    }
    error(
        ann,
        "imbot.chat.user.add",
        params("CHAT_ID", privateChat, "USERS", List.of("1")),
        403,
        "ACCESS_ERROR",
        "It is forbidden to add users to this chat");
    error(
        ann,
        "imbot.chat.leave",
        params("CHAT_ID", privateChat),
        403,
        "ACCESS_ERROR",
        "It is forbidden to delete users of this chat");
    error(
        ann,
        "imbot.chat.user.add",
        params("CLIENT_ID", client, "CHAT_ID", chat, "USERS", List.of(String.valueOf(benId))),
        400,
        "WRONG_REQUEST",
        "You don't have access or user already member in chat");
    assertThat(
            ok(
                ann,
                "imbot.chat.user.add",
                params("CLIENT_ID", client, "CHAT_ID", chat, "USERS", List.of("1"))))
        .isEqualTo(true);
    assertThat(
            (List<?>) ok(ann, "imbot.chat.user.list", params("CLIENT_ID", client, "CHAT_ID", chat)))
        .extracting(Envelopes::assertInteger)
        .containsExactly(bot, benId, 1L);
    error(
        ann,
        "imbot.chat.user.delete",
        params("CHAT_ID", chat),
        403,
        "ACCESS_DENIED",
        "Access denied! Client ID not specified");
    error(
        ann,
        "imbot.chat.user.delete",
        params("CLIENT_ID", client, "CHAT_ID", chat),
        400,
        "USER_ID_EMPTY",
        "User ID can't be empty");
    error(
        ann,
        "imbot.chat.setOwner",
        params("CHAT_ID", chat),
        400,
        "USER_ID_EMPTY",
        "User ID can't be empty");
    error(
        ann,
        "imbot.chat.updateTitle",
        params("CHAT_ID", chat, "TITLE", " "),
        400,
        "TITLE_EMPTY",
        "Title can't be empty");
    error(
        ann,
        "imbot.chat.leave",
        params("CLIENT_ID", client, "CHAT_ID", chat),
        403,
        "LEAVE_OWNER_FORBIDDEN",
        "The owner can't leave the chat while it has other members");
    error(
        ann,
        "imbot.chat.setOwner",
        params("CLIENT_ID", client, "CHAT_ID", chat, "USER_ID", "999999"),
        400,
        "WRONG_REQUEST",
        "Change owner can only owner and user must be member in chat");
    assertThat(
            ok(
                ann,
                "imbot.chat.updateTitle",
                params("CLIENT_ID", client, "CHAT_ID", chat, "TITLE", " New ")))
        .isEqualTo(true);
    assertThat(
            ok(
                ann,
                "imbot.chat.user.delete",
                params("CLIENT_ID", client, "CHAT_ID", chat, "USER_ID", "1")))
        .isEqualTo(true);
    error(
        ann,
        "imbot.chat.user.delete",
        params("CLIENT_ID", client, "CHAT_ID", chat, "USER_ID", "1"),
        400,
        "WRONG_REQUEST",
        "You don't have access or user isn't member in chat");
    assertThat(
            ok(
                ann,
                "imbot.chat.setOwner",
                params("CLIENT_ID", client, "CHAT_ID", chat, "USER_ID", benId)))
        .isEqualTo(true);
    assertThat(ok(ann, "imbot.chat.leave", params("CLIENT_ID", client, "CHAT_ID", chat)))
        .isEqualTo(true);
    assertThat(ok(ann, "imbot.chat.user.list", params("CLIENT_ID", client, "CHAT_ID", chat)))
        .isEqualTo(List.of());
    long foreignChat = chatWithoutTheBot();
    error(
        ann,
        "imbot.chat.updateTitle",
        params("CLIENT_ID", client, "CHAT_ID", foreignChat, "TITLE", "x"),
        403,
        "ACCESS_ERROR",
        "This chat cannot be renamed");
  }

  private long dialogChatId() {
    @SuppressWarnings("unchecked")
    Map<String, Object> dialog =
        (Map<String, Object>) ok(ann, "im.dialog.get", params("DIALOG_ID", bot));
    return assertInteger(dialog.get("id"));
  }

  // --- the user's side ---

  @Test
  void givenUserMessageErrors_imMessageAdd_answersEachRow() {
    error(
        ann,
        "im.message.add",
        params("DIALOG_ID", "2"),
        400,
        "MESSAGE_EMPTY",
        "Message can't be empty");
    error(
        ann,
        "im.message.add",
        params("DIALOG_ID", "2", "MESSAGE", params("a", "b")),
        400,
        "MESSAGE_EMPTY",
        "Wrong message type");
    error(
        ann,
        "im.message.add",
        params("DIALOG_ID", "abc", "MESSAGE", "x"),
        400,
        "USER_ID_EMPTY",
        "User ID can't be empty");
    error(
        ann,
        "im.message.add",
        params("DIALOG_ID", "999999", "MESSAGE", "x"),
        400,
        "USER_NOT_FOUND",
        "User not found");
    error(
        ann,
        "im.message.add",
        params("DIALOG_ID", "chat0", "MESSAGE", "x"),
        400,
        "CHAT_ID_EMPTY",
        "Chat ID can't be empty");
    error(ann, "im.message.add", params("MESSAGE", "x"), 400, "PARAMS_ERROR", "Incorrect params");
    long closed = assertInteger(ok(ben, "im.chat.add", params("TITLE", "Ben alone")));
    error(
        ann,
        "im.message.add",
        params("DIALOG_ID", "chat" + closed, "MESSAGE", "x"),
        400,
        "PARAMS_ERROR",
        "Message isn't added");
    error(
        ann,
        "im.message.add",
        params("DIALOG_ID", String.valueOf(benId), "MESSAGE", "x", "ATTACH", "junk"),
        400,
        "ATTACH_ERROR",
        "Incorrect attach params");
    assertThat(
            assertInteger(
                ok(
                    ann,
                    "im.message.add",
                    params(
                        "DIALOG_ID",
                        String.valueOf(benId),
                        "ATTACH",
                        List.of(params("MESSAGE", "a"))))))
        .isPositive();
  }

  @Test
  void givenUserEditErrors_imMessageUpdateAndDelete_answerEachRow() {
    long benMessage =
        assertInteger(ok(ben, "im.message.add", params("DIALOG_ID", "1", "MESSAGE", "Ben's")));
    long annMessage =
        assertInteger(ok(ann, "im.message.add", params("DIALOG_ID", benId, "MESSAGE", "Ann's")));
    for (String method : List.of("im.message.update", "im.message.delete")) {
      error(ann, method, params(), 400, "MESSAGE_ID_ERROR", "Message ID can't be empty");
      error(
          ann,
          method,
          params("ID", benMessage, "MESSAGE", "x"),
          403,
          "CANT_EDIT_MESSAGE",
          CANT_EDIT);
    }
    error(
        ann,
        "im.message.update",
        params("ID", annMessage, "MENU", "[{}]"),
        400,
        "menu_ERROR",
        "Incorrect menu params");
    assertThat(ok(ann, "im.message.update", params("MESSAGE_ID", annMessage, "MESSAGE", "new")))
        .isEqualTo(true);
    assertThat(ok(ann, "im.message.delete", params("MESSAGE_ID", annMessage))).isEqualTo(true);
  }

  @Test
  void givenUserChatErrors_imChatMethods_answerEachRow() {
    error(
        ann,
        "im.chat.add",
        params("USERS", params("0", params("a", "b"))),
        400,
        "INVALID_FORMAT",
        "Parameter USERS has wrong type");
    long chat = chatWithoutTheBot();
    long dialogWithBen =
        assertInteger(obj(ok(ann, "im.dialog.get", params("DIALOG_ID", benId))).get("id"));
    for (String method : List.of("im.chat.user.add", "im.chat.user.delete", "im.chat.leave")) {
      error(ann, method, params(), 400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
    }
    error(
        ann,
        "im.chat.user.delete",
        params("CHAT_ID", chat),
        400,
        "USER_ID_EMPTY",
        "User ID can't be empty");
    error(
        ann,
        "im.chat.user.add",
        params("CHAT_ID", dialogWithBen, "USERS", List.of("5")),
        403,
        "ACCESS_ERROR",
        "It is forbidden to add users to this chat");
    error(
        ann,
        "im.chat.user.delete",
        params("CHAT_ID", dialogWithBen, "USER_ID", benId),
        403,
        "ACCESS_ERROR",
        "It is forbidden to delete users of this chat");
    error(
        ben,
        "im.chat.user.delete",
        params("CHAT_ID", chat, "USER_ID", 1),
        400,
        "WRONG_REQUEST",
        "You don't have access or user isn't member in chat");
    assertThat(ok(ann, "im.chat.user.add", params("CHAT_ID", chat, "USERS", List.of(bot))))
        .isEqualTo(true);
    assertThat(ok(ben, "im.chat.leave", params("CHAT_ID", chat))).isEqualTo(true);
    error(
        ben,
        "im.chat.leave",
        params("CHAT_ID", chat),
        400,
        "WRONG_REQUEST",
        "You don't have access or user isn't member in chat");
  }

  @Test
  void givenPaging_dialogMessagesGet_answersItsRowsAndPages() {
    error(
        ann,
        "im.dialog.messages.get",
        params(),
        400,
        "DIALOG_ID_EMPTY",
        "Dialog ID can't be empty");
    error(
        ann,
        "im.dialog.messages.get",
        params("DIALOG_ID", bot, "FIRST_ID", "1a"),
        400,
        "FIRST_ID_STRING",
        "First ID can't be string");
    error(
        ann,
        "im.dialog.messages.get",
        params("DIALOG_ID", bot, "LAST_ID", "x"),
        400,
        "LAST_ID_STRING",
        "Last ID can't be string");
    long closed = assertInteger(ok(ben, "im.chat.add", params("TITLE", "Ben alone")));
    error(
        ann,
        "im.dialog.messages.get",
        params("CHAT_ID", closed),
        403,
        "ACCESS_ERROR",
        "You do not have access to the specified dialog");
    for (int i = 0; i < 25; i++) {
      annWritesToBot("m" + i);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> first =
        (Map<String, Object>) ok(ann, "im.dialog.messages.get", params("DIALOG_ID", bot));
    List<?> messages = (List<?>) first.get("messages");
    assertThat(messages).hasSize(20);
    assertThat(((Map<?, ?>) messages.get(0)).get("text")).isEqualTo("m24");
    Object oldest = ((Map<?, ?>) messages.get(19)).get("id");
    @SuppressWarnings("unchecked")
    Map<String, Object> next =
        (Map<String, Object>)
            ok(
                ann,
                "im.dialog.messages.get",
                params("DIALOG_ID", bot, "LAST_ID", oldest, "LIMIT", "100"));
    assertThat((List<?>) next.get("messages")).hasSize(5);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> obj(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
