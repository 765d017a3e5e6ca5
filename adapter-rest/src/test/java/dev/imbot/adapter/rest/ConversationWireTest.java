package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.PhpQuery.params;

import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the wire tests of conversations: Ann is portal user 1 (her webhook), Ben a second person
 * (his webhook), and a bot of a webhook-keyed application ({@code CLIENT_ID}) to talk to.
 */
abstract class ConversationWireTest extends WireTest {
  @Inject AdministerPeopleUseCase people;

  /** Ann's webhook path. */
  String ann;

  /** Ben's webhook path. */
  String ben;

  long benId;

  /** The bot's application's {@code CLIENT_ID}. */
  String client;

  long bot;

  @BeforeEach
  void people() {
    ann = webhook();
    benId = people.add(new AddPersonCommand("Ben", unique("ben") + "@example.com")).id().value();
    ben = webhooks.create(benId).restPath();
    client = unique("app");
    bot = register(ann, minimalBot(client, unique("echo"), "Echo"));
  }

  /** Ann writes {@code text} in her dialog with the bot: the message's id. */
  long annWritesToBot(String text) {
    return assertInteger(
        ok(ann, "im.message.add", params("DIALOG_ID", String.valueOf(bot), "MESSAGE", text)));
  }

  /** Ann's {@code im.dialog.messages.get} page of her dialog with the bot. */
  @SuppressWarnings("unchecked")
  Map<String, Object> annsDialogWithTheBot() {
    return (Map<String, Object>)
        ok(ann, "im.dialog.messages.get", params("DIALOG_ID", String.valueOf(bot)));
  }

  /** A chat the bot creates, with Ben in it. */
  long chatWithTheBot() {
    return assertInteger(
        ok(
            ann,
            "imbot.chat.add",
            params(
                "CLIENT_ID",
                client,
                "TITLE",
                "Bot room",
                "USERS",
                List.of(String.valueOf(benId)))));
  }

  /** A chat of Ann and Ben, without the bot. */
  long chatWithoutTheBot() {
    return assertInteger(
        ok(ann, "im.chat.add", params("TITLE", "Team", "USERS", List.of(String.valueOf(benId)))));
  }

  /** Ann registers the bot's slash command {@code command}: its id. */
  long registerCommand(String command) {
    return assertInteger(
        ok(ann, "imbot.command.register", commandRegistration(client, bot, command)));
  }

  /** The bot answers {@code command} of message {@code question} with a keyboard. */
  long keyboardAnswer(long command, long question, String text, List<Object> buttons) {
    Map<String, Object> answer = commandAnswer(client, command, question, text);
    answer.put("KEYBOARD", buttons);
    return assertInteger(ok(ann, "imbot.command.answer", answer));
  }

  /**
   * {@code im.message.command} parameters: the bot's button; no {@code COMMAND_PARAMS} for null.
   */
  Map<String, Object> press(long keyboard, String command, String commandParams) {
    Map<String, Object> p =
        params(
            "MESSAGE_ID",
            String.valueOf(keyboard),
            "BOT_ID",
            String.valueOf(bot),
            "COMMAND",
            command);
    if (commandParams != null) {
      p.put("COMMAND_PARAMS", commandParams);
    }
    return p;
  }
}
