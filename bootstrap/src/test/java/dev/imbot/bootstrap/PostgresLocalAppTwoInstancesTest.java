package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local-app round trip on two service instances sharing one PostgreSQL, both running delivery
 * workers: the bot is installed once, and every message a person writes (through either instance)
 * reaches the bot's handler exactly once and is answered once.
 */
class PostgresLocalAppTwoInstancesTest {
  static final int MESSAGES = 20;

  @TempDir Path directory;

  @Test
  void givenTwoInstancesOnOnePostgres_personsMessages_eachReachTheBotOnceAndAreAnsweredOnce()
      throws Exception {
    Map<String, Object> settings =
        Map.of(
            "imbot.admin.token", RoundTrip.ADMIN,
            "imbot.delivery.allowed-networks", "127.0.0.0/8",
            "imbot.delivery.poll-interval", "100ms");
    try (ServiceDatabase database = ServiceDatabase.freshPostgres();
        PhpBot bot = PhpBot.start(directory);
        RunningService first = RunningService.start(database, settings);
        RunningService second = RunningService.start(database, settings)) {
      String webhook = first.firstStartLine().orElseThrow().path();
      Map<String, Object> created = RoundTrip.createApplication(first, "EchoBot", bot.url());
      String clientId = (String) created.get("client_id");
      Map<String, Object> install = bot.awaitEvent("ONAPPINSTALL");
      @SuppressWarnings("unchecked")
      long botId =
          ((Number) ((Map<String, Object>) install.get("register")).get("result")).longValue();
      RoundTrip.awaitInstalled(second, clientId);

      List<Long> said = new ArrayList<>();
      for (int i = 1; i <= MESSAGES; i++) {
        RunningService through = i % 2 == 0 ? second : first;
        said.add(RoundTrip.say(through, webhook, botId, "message " + i));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> bot.events("ONIMBOTMESSAGEADD").size() >= MESSAGES);
      List<String> dialog = RoundTrip.awaitAnswer(first, webhook, botId, "message " + MESSAGES);
      Thread.sleep(500); // a duplicate would arrive now, if there were one

      List<Map<String, Object>> received = bot.events("ONIMBOTMESSAGEADD");
      Map<String, Long> perMessage =
          received.stream()
              .collect(
                  Collectors.groupingBy(
                      PostgresLocalAppTwoInstancesTest::messageId, Collectors.counting()));
      assertThat(perMessage)
          .as("each message's event reaches the handler once")
          .hasSize(MESSAGES)
          .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
      assertThat(perMessage.keySet())
          .containsExactlyInAnyOrderElementsOf(said.stream().map(String::valueOf).toList());
      assertThat(received.stream().map(e -> e.get("webhook_id")).distinct()).hasSize(MESSAGES);
      assertThat(bot.events("ONAPPINSTALL")).hasSize(1);
      assertThat(bot.events("ONIMBOTJOINCHAT")).hasSize(1);
      Map<String, Long> answers =
          RoundTrip.dialog(first, webhook, botId).stream()
              .filter(text -> text.startsWith("Answer: "))
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(dialog).contains("Answer: message " + MESSAGES);
      assertThat(answers.values()).as("one answer per message").allMatch(n -> n == 1);
    }
  }

  @SuppressWarnings("unchecked")
  private static String messageId(Map<String, Object> event) {
    Map<String, Object> data =
        (Map<String, Object>) ((Map<String, Object>) event.get("request")).get("data");
    return (String) ((Map<String, Object>) data.get("PARAMS")).get("MESSAGE_ID");
  }
}
