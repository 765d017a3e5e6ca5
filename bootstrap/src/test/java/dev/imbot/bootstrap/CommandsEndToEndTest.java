package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.PendingEvent;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slash commands end to end: Bitrix24's official EchoBot (its command part, in PHP, reading {@code
 * $_REQUEST}, served by {@code php -S}) as a webhook-keyed application against the whole service,
 * with the real delivery worker sending it events over HTTP and the bot calling back through an
 * inbound webhook with its {@code CLIENT_ID}. A person types commands, presses a keyboard button,
 * and writes in a chat without the bot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsEndToEndTest {
  private static final String CLIENT_ID = "echo-app";
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final JsonMapper JSON = JsonMapper.createDefault();

  @TempDir static Path temp;
  private ServiceDatabase database;
  private RunningService service;
  private Process php;
  private String webhook;
  private String handlerUrl;
  private Path handlerLog;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    database = ServiceDatabase.h2File(temp.resolve("db"));
    service =
        RunningService.start(database, Map.of("imbot.delivery.allowed-networks", "127.0.0.0/8"));
    webhook = service.firstStartLine().orElseThrow().path();
    Path docroot = Files.createDirectories(temp.resolve("handler"));
    try (var script = getClass().getResourceAsStream("/echobot/echobot.php")) {
      Files.copy(script, docroot.resolve("echobot.php"));
    }
    handlerLog = temp.resolve("handler.log");
    int port = RunningService.freePort();
    ProcessBuilder builder =
        new ProcessBuilder("php", "-S", "127.0.0.1:" + port, "-t", docroot.toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("php.out").toFile());
    builder.environment().put("PHP_CLI_SERVER_WORKERS", "4");
    builder.environment().put("HANDLER_LOG", handlerLog.toString());
    builder.environment().put("ECHOBOT_CLIENT_ID", CLIENT_ID);
    builder.environment().put("IMBOT_WEBHOOK", service.baseUrl() + webhook);
    php = builder.start();
    handlerUrl = "http://127.0.0.1:" + port + "/echobot.php";
    await().atMost(PATIENCE).until(() -> reachable(handlerUrl));
  }

  @AfterAll
  void stop() {
    if (php != null) {
      php.destroy();
    }
    if (service != null) {
      service.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void givenEchoBotInstalled_personTypesPressesAndWritesElsewhere_botAnswersAsTheSampleDoes()
      throws Exception {
    // Installed: the bot and its three commands (echo is COMMON, echoList and help are not).
    Map<String, Object> config = install();
    long bot = ((Number) config.get("BOT_ID")).longValue();
    @SuppressWarnings("unchecked")
    Map<String, Object> commands = (Map<String, Object>) config.get("COMMANDS");
    assertThat(commands).containsOnlyKeys("echo", "echoList", "help");
    assertThat(commands.values()).allMatch(id -> id instanceof Number);

    // "/echo test" in the private dialog: the bot answers in the dialog.
    long question = post(String.valueOf(bot), "/echo test");
    Map<String, Object> answer = awaitMessage(String.valueOf(bot), "Answer command");
    assertThat(((Number) answer.get("author_id")).longValue()).isEqualTo(bot);
    assertThat(answer.get("params").toString()).contains("reply: /echo test");
    Map<String, Object> commandEvent = loggedCommand(question);
    assertThat(commandEvent.get("COMMAND")).isEqualTo("echo");
    assertThat(commandEvent.get("COMMAND_CONTEXT")).isEqualTo("TEXTAREA");
    assertThat(commandEvent.get("COMMAND_PARAMS")).isEqualTo("test");
    assertThat(loggedEvents("ONIMBOTMESSAGEADD")).isEmpty();

    // "/echoList": a keyboard of pages; pressing "2" makes the bot edit that message.
    post(String.valueOf(bot), "/echoList");
    Map<String, Object> list = awaitMessage(String.valueOf(bot), "List of colors");
    long keyboardMessage = ((Number) list.get("id")).longValue();
    assertThat(buttonTexts(list)).containsExactly("· 1 ·", "2", "3", "4", "5");
    Answer pressed =
        service.postForm(
            webhook + "im.message.command",
            form(
                Map.of(
                    "MESSAGE_ID",
                    String.valueOf(keyboardMessage),
                    "BOT_ID",
                    String.valueOf(bot),
                    "COMMAND",
                    "echoList",
                    "COMMAND_PARAMS",
                    "2")));
    assertThat(pressed.status()).as(pressed.toString()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                buttonTexts(message(String.valueOf(bot), keyboardMessage).orElseThrow())
                    .contains("· 2 ·"));
    Map<String, Object> edited = message(String.valueOf(bot), keyboardMessage).orElseThrow();
    assertThat(edited.get("params").toString()).contains("MINT").doesNotContain("GRAPHITE");
    Map<String, Object> press = loggedCommand(keyboardMessage);
    assertThat(press.get("COMMAND_CONTEXT")).isEqualTo("KEYBOARD");
    assertThat(press.get("MESSAGE_ID")).isEqualTo(String.valueOf(keyboardMessage));

    // A chat without the bot: /echoList (not COMMON) is ignored, /echo (COMMON) is answered.
    Answer chat = service.postForm(webhook + "im.chat.add", "TITLE=Team");
    String dialog = "chat" + chat.result();
    long ignored = post(dialog, "/echoList");
    long common = post(dialog, "/echo hi");
    Map<String, Object> chatAnswer = awaitMessage(dialog, "Answer command");
    assertThat(chatAnswer.get("text").toString())
        .startsWith("Answer from [USER=" + bot + "]EchoBot[/USER][BR]");
    assertThat(loggedCommand(common).get("COMMAND")).isEqualTo("echo");
    assertThat(commandEventsAbout(ignored)).isEmpty();
  }

  // --- the handler ---

  private Map<String, Object> install() throws Exception {
    HttpResponse<String> installed =
        http.send(
            HttpRequest.newBuilder(URI.create(handlerUrl + "?event=INSTALL")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(installed.statusCode()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = JSON.readValue(installed.body(), Map.class);
    return config;
  }

  /** Every line of the handler's log: one JSON object per request it served. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> logged() throws IOException {
    List<Map<String, Object>> lines = new ArrayList<>();
    if (Files.exists(handlerLog)) {
      for (String line : Files.readAllLines(handlerLog)) {
        lines.add(JSON.readValue(line, Map.class));
      }
    }
    return lines;
  }

  private List<Map<String, Object>> loggedEvents(String event) throws IOException {
    return logged().stream().filter(line -> event.equals(line.get("event"))).toList();
  }

  /** The {@code data[COMMAND][…]} entry the handler received about {@code messageId}. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> loggedCommand(long messageId) throws IOException {
    for (Map<String, Object> line : loggedEvents("ONIMCOMMANDADD")) {
      Map<String, Object> request = (Map<String, Object>) line.get("request");
      Map<String, Object> auth = (Map<String, Object>) request.get("auth");
      assertThat(auth).containsEntry("application_token", CLIENT_ID);
      assertThat(request).containsEntry("CLIENT_ID", CLIENT_ID);
      Map<String, Object> data = (Map<String, Object>) request.get("data");
      for (Object entry : ((Map<String, Object>) data.get("COMMAND")).values()) {
        Map<String, Object> command = (Map<String, Object>) entry;
        if (String.valueOf(messageId).equals(command.get("MESSAGE_ID"))) {
          return command;
        }
      }
    }
    throw new AssertionError("no ONIMCOMMANDADD about message " + messageId + " in " + logged());
  }

  // --- the portal ---

  private long post(String dialog, String text) {
    Answer posted =
        service.postForm(
            webhook + "im.message.add", form(Map.of("DIALOG_ID", dialog, "MESSAGE", text)));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
    return ((Number) posted.result()).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> messages(String dialog) {
    Answer page =
        service.postForm(
            webhook + "im.dialog.messages.get", form(Map.of("DIALOG_ID", dialog, "LIMIT", "50")));
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return (List<Map<String, Object>>) ((Map<String, Object>) page.result()).get("messages");
  }

  private Optional<Map<String, Object>> message(String dialog, long id) {
    return messages(dialog).stream()
        .filter(m -> ((Number) m.get("id")).longValue() == id)
        .findFirst();
  }

  /** Waits for a message of {@code dialog} whose text ends with {@code text}. */
  private Map<String, Object> awaitMessage(String dialog, String text) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                messages(dialog).stream()
                    .filter(m -> m.get("text").toString().endsWith(text))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<String> buttonTexts(Map<String, Object> message) {
    Map<String, Object> keyboard =
        (Map<String, Object>) ((Map<String, Object>) message.get("params")).get("KEYBOARD");
    return ((List<Map<String, Object>>) keyboard.get("BUTTONS"))
        .stream().map(button -> (String) button.get("TEXT")).toList();
  }

  /** The recorded ONIMCOMMANDADD events whose message is {@code messageId}. */
  private List<PendingEvent> commandEventsAbout(long messageId) {
    return service.bean(EventOutbox.class).page(0, 10_000).stream()
        .map(Delivery::event)
        .filter(e -> e.event().equals("ONIMCOMMANDADD"))
        .filter(
            e ->
                e.data()
                    .nested("PARAMS")
                    .flatMap(p -> p.text("MESSAGE_ID"))
                    .equals(Optional.of(String.valueOf(messageId))))
        .toList();
  }

  private static String form(Map<String, String> values) {
    StringJoiner form = new StringJoiner("&");
    values.forEach(
        (k, v) ->
            form.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return form.toString();
  }

  private boolean reachable(String url) {
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
