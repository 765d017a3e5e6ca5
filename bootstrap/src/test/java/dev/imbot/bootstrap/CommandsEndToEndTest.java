package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.event.Delivery;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slash commands end to end: Bitrix24's official EchoBot (its command part, in PHP reading {@code
 * $_REQUEST}, served by {@code php -S}) on the whole service, the real delivery worker sending it
 * events over HTTP. As a local application it is installed by the worker ({@code ONAPPINSTALL}) and
 * calls back with the events' tokens; as a webhook-keyed one it calls back through an inbound
 * webhook with its {@code CLIENT_ID}. Either way a person types commands, presses a keyboard
 * button, and writes in a chat without the bot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsEndToEndTest {
  private static final String CLIENT_ID = "echo-app";
  private static final String SCRIPT = "/echobot/echobot.php";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.createDefault();

  @TempDir static Path temp;
  private ServiceDatabase database;
  private RunningService service;
  private String webhook;

  @BeforeAll
  void start() {
    database = ServiceDatabase.h2File(temp.resolve("db"));
    service =
        RunningService.start(
            database,
            Map.of(
                "imbot.admin.token",
                RoundTrip.ADMIN,
                "imbot.delivery.allowed-networks",
                "127.0.0.0/8"));
    webhook = service.firstStartLine().orElseThrow().path();
  }

  @AfterAll
  void stop() {
    TestResources.closeAll(service, database);
  }

  @Test
  void givenLocalAppEchoBot_installedByTheWorker_answersCommandsAndButtonsAsTheSampleDoes()
      throws Exception {
    try (PhpBot bot = PhpBot.start(temp.resolve("local"), SCRIPT, Map.of())) {
      String clientId =
          (String) RoundTrip.createApplication(service, "EchoBot", bot.url()).get("client_id");
      Map<String, Object> config = config(bot.awaitEvent("ONAPPINSTALL"));
      RoundTrip.awaitInstalled(service, clientId);

      long botId = converse(bot, config);

      Map<String, Object> request = request(bot.events("ONIMCOMMANDADD").get(0));
      assertThat(map(request, "auth"))
          .containsEntry("user_id", "1")
          .containsKeys("access_token", "refresh_token", "client_endpoint");
      Map<String, Object> command =
          map(map(map(request, "data"), "COMMAND"), commandId(config, "echo"));
      assertThat(command)
          .containsEntry("user_id", String.valueOf(botId))
          .containsEntry("client_id", clientId)
          .containsEntry("BOT_CODE", "echobot")
          .containsKeys("access_token", "AUTH");
    }
  }

  @Test
  void givenWebhookKeyedEchoBot_installedByItself_answersCommandsAndButtonsAsTheSampleDoes()
      throws Exception {
    Map<String, String> environment =
        Map.of("IMBOT_WEBHOOK", service.baseUrl() + webhook, "ECHOBOT_CLIENT_ID", CLIENT_ID);
    try (PhpBot bot = PhpBot.start(temp.resolve("hooked"), SCRIPT, environment)) {
      HttpResponse<String> installed =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(bot.url() + "?event=INSTALL")).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(installed.statusCode()).isEqualTo(200);
      @SuppressWarnings("unchecked")
      Map<String, Object> config = JSON.readValue(installed.body(), Map.class);

      converse(bot, config);

      Map<String, Object> request = request(bot.events("ONIMCOMMANDADD").get(0));
      assertThat(map(request, "auth")).containsEntry("application_token", CLIENT_ID);
      assertThat(request).containsEntry("CLIENT_ID", CLIENT_ID);
    }
  }

  /**
   * The scenario: {@code /echo test} and {@code /echoList} in the private dialog, a page button
   * pressed, then {@code /echoList} (ignored) and {@code /echo hi} (a COMMON command, answered) in
   * a chat without the bot. Returns the bot's id.
   */
  private long converse(PhpBot bot, Map<String, Object> config) {
    long botId = ((Number) config.get("BOT_ID")).longValue();
    assertThat(map(config, "COMMANDS")).containsOnlyKeys("echo", "echoList", "help");
    String dialog = String.valueOf(botId);

    long question = post(dialog, "/echo test");
    Map<String, Object> answer = awaitMessage(dialog, botId, "Answer command");
    assertThat(((Number) answer.get("author_id")).longValue()).isEqualTo(botId);
    assertThat(answer.get("params").toString()).contains("reply: /echo test");
    Map<String, Object> typed = loggedCommand(bot, question);
    assertThat(typed)
        .containsEntry("COMMAND", "echo")
        .containsEntry("COMMAND_CONTEXT", "TEXTAREA")
        .containsEntry("COMMAND_PARAMS", "test");
    assertThat(bot.events("ONIMBOTMESSAGEADD")).isEmpty();

    post(dialog, "/echoList");
    Map<String, Object> list = awaitMessage(dialog, botId, "List of colors");
    long keyboard = ((Number) list.get("id")).longValue();
    assertThat(buttonTexts(list)).containsExactly("· 1 ·", "2", "3", "4", "5");
    Answer pressed =
        service.postForm(
            webhook + "im.message.command",
            RoundTrip.form(
                Map.of(
                    "MESSAGE_ID",
                    String.valueOf(keyboard),
                    "BOT_ID",
                    dialog,
                    "COMMAND",
                    "echoList",
                    "COMMAND_PARAMS",
                    "2")));
    assertThat(pressed.status()).as(pressed.toString()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(() -> buttonTexts(message(dialog, keyboard).orElseThrow()).contains("· 2 ·"));
    assertThat(message(dialog, keyboard).orElseThrow().get("params").toString())
        .contains("MINT")
        .doesNotContain("GRAPHITE");
    assertThat(loggedCommand(bot, keyboard))
        .containsEntry("COMMAND_CONTEXT", "KEYBOARD")
        .containsEntry("MESSAGE_ID", String.valueOf(keyboard));

    Answer created = service.postForm(webhook + "im.chat.add", "TITLE=Team");
    String chat = "chat" + created.result();
    long ignored = post(chat, "/echoList");
    long common = post(chat, "/echo hi");
    assertThat(
            awaitMessage(chat, botId, "[USER=" + botId + "]EchoBot[/USER][BR]Answer command")
                .get("text")
                .toString())
        .startsWith("Answer from [USER=" + botId + "]EchoBot[/USER][BR]");
    assertThat(loggedCommand(bot, common)).containsEntry("COMMAND", "echo");
    assertThat(commandEventsAbout(ignored)).isZero();
    return botId;
  }

  // --- the bot's log ---

  private static Map<String, Object> config(Map<String, Object> installEvent) {
    return map(installEvent, "config");
  }

  private static String commandId(Map<String, Object> config, String command) {
    return String.valueOf(map(config, "COMMANDS").get(command));
  }

  private static Map<String, Object> request(Map<String, Object> loggedEvent) {
    return map(loggedEvent, "request");
  }

  /** The {@code data[COMMAND][…]} entry the bot received about {@code messageId}, waited for. */
  private Map<String, Object> loggedCommand(PhpBot bot, long messageId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                bot.events("ONIMCOMMANDADD").stream()
                    .flatMap(e -> map(map(request(e), "data"), "COMMAND").values().stream())
                    .map(CommandsEndToEndTest::asMap)
                    .filter(c -> String.valueOf(messageId).equals(c.get("MESSAGE_ID")))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  // --- the portal ---

  private long post(String dialog, String text) {
    Answer posted =
        service.postForm(
            webhook + "im.message.add",
            RoundTrip.form(Map.of("DIALOG_ID", dialog, "MESSAGE", text)));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
    return ((Number) posted.result()).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> messages(String dialog) {
    Answer page =
        service.postForm(
            webhook + "im.dialog.messages.get",
            RoundTrip.form(Map.of("DIALOG_ID", dialog, "LIMIT", "50")));
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return (List<Map<String, Object>>) asMap(page.result()).get("messages");
  }

  private Optional<Map<String, Object>> message(String dialog, long id) {
    return messages(dialog).stream()
        .filter(m -> ((Number) m.get("id")).longValue() == id)
        .findFirst();
  }

  /**
   * Waits for a message of {@code dialog} by {@code author} whose text ends with {@code text}. Both
   * tests' EchoBots have the COMMON {@code /echo}, so the other one may answer in this dialog too.
   */
  private Map<String, Object> awaitMessage(String dialog, long author, String text) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                messages(dialog).stream()
                    .filter(m -> ((Number) m.get("author_id")).longValue() == author)
                    .filter(m -> m.get("text").toString().endsWith(text))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<String> buttonTexts(Map<String, Object> message) {
    return ((List<Map<String, Object>>) map(map(message, "params"), "KEYBOARD").get("BUTTONS"))
        .stream().map(button -> (String) button.get("TEXT")).toList();
  }

  /** How many ONIMCOMMANDADD events were recorded about {@code messageId}. */
  private long commandEventsAbout(long messageId) {
    return service.bean(EventOutbox.class).page(0, 10_000).stream()
        .map(Delivery::event)
        .filter(e -> e.event().equals("ONIMCOMMANDADD"))
        .filter(
            e ->
                e.data()
                    .nested("PARAMS")
                    .flatMap(p -> p.text("MESSAGE_ID"))
                    .equals(Optional.of(String.valueOf(messageId))))
        .count();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return asMap(parent.get(key));
  }
}
