package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.common.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer window of slash commands as the service wires it: {@code imbot.commands.answer-window}
 * set to one minute, read by the real wiring, on the embedded H2 default. The service's clock is a
 * {@link ManualClock}, so the window's edge is exact; the line the service logs when an answer
 * comes too late is read from its output.
 */
class CommandAnswerWindowTest {
  private static final String CLIENT_ID = "window-app";

  @TempDir Path temp;

  @Test
  void givenOneMinuteWindow_answer_postsAt59SecondsAndAfter61AnswersTruePostsNothingAndLogsWhy() {
    try (ServiceDatabase database = ServiceDatabase.h2File(temp.resolve("data"));
        RunningService service =
            RunningService.start(
                database,
                Map.of("imbot.test.manual-clock", true, "imbot.commands.answer-window", "1m"))) {
      String webhook = service.firstStartLine().orElseThrow().path();
      ManualClock clock = service.bean(ManualClock.class);
      long bot =
          ok(service, webhook + "imbot.register", CrestForm.minimal(CLIENT_ID, "echo")).botId();
      long command =
          ok(
                  service,
                  webhook + "imbot.command.register",
                  CrestForm.of()
                      .field("CLIENT_ID", CLIENT_ID)
                      .field("BOT_ID", String.valueOf(bot))
                      .field("COMMAND", "echo")
                      .field("EVENT_COMMAND_ADD", "https://bot.example.com/commands.php")
                      .field("LANG[0][LANGUAGE_ID]", "en")
                      .field("LANG[0][TITLE]", "Echo"))
              .integer();
      long question =
          ok(
                  service,
                  webhook + "im.message.add",
                  CrestForm.of()
                      .field("DIALOG_ID", String.valueOf(bot))
                      .field("MESSAGE", "/echo test"))
              .integer();
      CrestForm answer =
          CrestForm.of()
              .field("CLIENT_ID", CLIENT_ID)
              .field("COMMAND_ID", String.valueOf(command))
              .field("MESSAGE_ID", String.valueOf(question));

      clock.advance(Duration.ofSeconds(59));
      long posted =
          ok(service, webhook + "imbot.command.answer", answer.field("MESSAGE", "in time"))
              .integer();
      assertThat(posted).isGreaterThan(question);

      clock.advance(Duration.ofSeconds(2));
      Answer late;
      String log;
      try (StdoutCapture stdout = StdoutCapture.start()) {
        late = ok(service, webhook + "imbot.command.answer", answer.field("MESSAGE", "too late"));
        log = stdout.text();
      }

      assertThat(late.result()).isEqualTo(true);
      assertThat(messageTexts(service, webhook, bot)).containsExactly("in time", "/echo test");
      assertThat(log)
          .contains("INFO")
          .contains(
              "imbot.command.answer to command "
                  + command
                  + " (/echo) of bot "
                  + bot
                  + " on message "
                  + question
                  + ": its answer window closed at "
                  + ManualClockFactory.START.plus(Duration.ofMinutes(1))
                  + "; nothing posted");
    }
  }

  private static Answer ok(RunningService service, String path, CrestForm form) {
    Answer answer = service.postForm(path, form.encoded());
    assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
    return answer;
  }

  /** The texts of the dialog of the webhook's person with {@code bot}, newest first. */
  @SuppressWarnings("unchecked")
  private static List<Object> messageTexts(RunningService service, String webhook, long bot) {
    Map<String, Object> page =
        (Map<String, Object>)
            ok(
                    service,
                    webhook + "im.dialog.messages.get",
                    CrestForm.of().field("DIALOG_ID", String.valueOf(bot)))
                .result();
    return ((List<Map<String, Object>>) page.get("messages"))
        .stream().map(message -> message.get("text")).toList();
  }
}
