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
 * CommandAnswerWindowTest} in bootstrap). Ann writes the commands to the bot.
 */
@MicronautTest
@Property(name = "imbot.test.manual-clock", value = "true")
class CommandAnswerWindowWireTest extends ConversationWireTest {
  @Inject ManualClock clock;

  @Test
  void givenTenMinutesPassed_answer_isTrueAndPostsNothing() {
    long command = registerCommand("echo");
    long question = annWritesToBot("/echo");
    Map<String, Object> answer = commandAnswer(client, command, question, "late");

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(ok(ann, "imbot.command.answer", answer)).isEqualTo(true);
    Map<String, Object> page = annsDialogWithTheBot();
    assertThat((List<?>) page.get("messages")).hasSize(1);
  }

  @Test
  void givenWindowClosed_pressingAButton_opensItAgainForAnAnswerOnTheKeyboardsMessage() {
    long command = registerCommand("echoList");
    long question = annWritesToBot("/echoList");
    long keyboard =
        keyboardAnswer(
            command,
            question,
            "Page 1",
            List.of(params("TEXT", "2", "COMMAND", "echoList", "COMMAND_PARAMS", "2")));
    Map<String, Object> answerOnKeyboard = commandAnswer(client, command, keyboard, "Page 2");
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertThat(ok(ann, "imbot.command.answer", answerOnKeyboard)).isEqualTo(true);

    assertThat(ok(ann, "im.message.command", press(keyboard, "echoList", "2"))).isEqualTo(true);
    clock.advance(Duration.ofMinutes(10));

    long answer = assertInteger(ok(ann, "imbot.command.answer", answerOnKeyboard));
    assertThat(answer).isGreaterThan(keyboard);
  }
}
