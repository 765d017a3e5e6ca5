package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.common.ManualClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code imbot.command.answer} after the answer window (10 minutes after the command was sent):
 * {@code true}, and nothing posted, over real HTTP; a keyboard button pressed opens the window
 * again. The window's length as configured is tested on the whole service ({@code
 * CommandAnswerWindowTest} in bootstrap).
 */
@MicronautTest
@Property(name = "imbot.test.manual-clock", value = "true")
class CommandAnswerWindowWireTest extends WireTest {
  @Inject ManualClock clock;

  @Test
  void givenTenMinutesPassed_answer_isTrueAndPostsNothing() {
    String ann = webhook();
    String client = unique("late");
    long bot = register(ann, minimalBot(client, unique("echo"), "Echo"));
    long command =
        assertInteger(ok(ann, "imbot.command.register", commandRegistration(client, bot, "echo")));
    long question =
        assertInteger(
            ok(
                ann,
                "im.message.add",
                params("DIALOG_ID", String.valueOf(bot), "MESSAGE", "/echo")));
    Map<String, Object> answer =
        params(
            "CLIENT_ID",
            client,
            "COMMAND_ID",
            String.valueOf(command),
            "MESSAGE_ID",
            String.valueOf(question),
            "MESSAGE",
            "late");

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(ok(ann, "imbot.command.answer", answer)).isEqualTo(true);
    @SuppressWarnings("unchecked")
    Map<String, Object> page =
        (Map<String, Object>)
            ok(ann, "im.dialog.messages.get", params("DIALOG_ID", String.valueOf(bot)));
    assertThat((List<?>) page.get("messages")).hasSize(1);
  }

  @Test
  void givenWindowClosed_pressingAButton_opensItAgainForAnAnswerOnTheKeyboardsMessage() {
    String ann = webhook();
    String client = unique("pressed");
    long bot = register(ann, minimalBot(client, unique("pages"), "Pages"));
    long command =
        assertInteger(
            ok(ann, "imbot.command.register", commandRegistration(client, bot, "echoList")));
    long question =
        assertInteger(
            ok(
                ann,
                "im.message.add",
                params("DIALOG_ID", String.valueOf(bot), "MESSAGE", "/echoList")));
    long keyboard =
        assertInteger(
            ok(
                ann,
                "imbot.command.answer",
                params(
                    "CLIENT_ID", client,
                    "COMMAND_ID", String.valueOf(command),
                    "MESSAGE_ID", String.valueOf(question),
                    "MESSAGE", "Page 1",
                    "KEYBOARD",
                        List.of(
                            params("TEXT", "2", "COMMAND", "echoList", "COMMAND_PARAMS", "2")))));
    Map<String, Object> answerOnKeyboard =
        params(
            "CLIENT_ID",
            client,
            "COMMAND_ID",
            String.valueOf(command),
            "MESSAGE_ID",
            String.valueOf(keyboard),
            "MESSAGE",
            "Page 2");
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertThat(ok(ann, "imbot.command.answer", answerOnKeyboard)).isEqualTo(true);

    assertThat(
            ok(
                ann,
                "im.message.command",
                params(
                    "MESSAGE_ID",
                    String.valueOf(keyboard),
                    "BOT_ID",
                    String.valueOf(bot),
                    "COMMAND",
                    "echoList",
                    "COMMAND_PARAMS",
                    "2")))
        .isEqualTo(true);
    clock.advance(Duration.ofMinutes(10));

    long answer = assertInteger(ok(ann, "imbot.command.answer", answerOnKeyboard));
    assertThat(answer).isGreaterThan(keyboard);
  }
}
