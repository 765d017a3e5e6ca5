package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.adapter.delivery.DeliveryWorker;
import dev.imbot.application.port.in.portal.OAuthTokensUseCase;
import dev.imbot.application.port.out.delivery.SigningSecrets;
import dev.imbot.domain.delivery.SigningSecret;
import dev.imbot.domain.portal.PortalIdentity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole service delivers events to a real handler: wired, guarded, signed, switchable. */
class DeliveryEndToEndTest {
  @TempDir Path directory;

  private static String register(RunningService service, String handler) {
    String webhook = service.firstStartLine().orElseThrow().path();
    Answer registered =
        service.postForm(
            webhook + "imbot.register",
            CrestForm.minimal("myapp", "echo").field("EVENT_HANDLER", handler).encoded());
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    Answer removed =
        service.postForm(
            webhook + "imbot.unregister", "BOT_ID=" + registered.botId() + "&CLIENT_ID=myapp");
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    return webhook;
  }

  @Test
  void givenHandlerOn127Allowed_unregister_deliversASignedOnimbotdeleteToTheHandler()
      throws Exception {
    try (ServiceDatabase database = ServiceDatabase.h2File(directory);
        TestHandler handler = new TestHandler(Duration.ZERO);
        RunningService service =
            RunningService.start(
                database, Map.of("imbot.delivery.allowed-networks", "127.0.0.0/8"))) {
      register(service, handler.url("/bot/handler.php"));

      await().atMost(10, TimeUnit.SECONDS).until(() -> handler.requests().size() == 1);
      TestHandler.Request request = handler.requests().get(0);
      assertThat(request.body())
          .startsWith("event=ONIMBOTDELETE&event_handler_id=")
          .contains("&data%5BBOT_ID%5D=2&data%5BBOT_CODE%5D=echo&ts=")
          .contains("&auth%5Bdomain%5D=")
          .endsWith("&auth%5Bapplication_token%5D=myapp");
      assertThat(request.headers().get("user-agent")).startsWith("imbot-registry/");
      assertThat(request.headers().get("x-imbot-attempt")).isEqualTo("1");
      SigningSecret secret = service.bean(SigningSecrets.class).keysOf("custommyapp").current();
      String signed =
          request.headers().get("webhook-id")
              + "."
              + request.headers().get("webhook-timestamp")
              + "."
              + request.body();
      assertThat(request.headers().get("webhook-signature"))
          .isEqualTo(WebhookSignature.v1(secret.key(), signed));
    }
  }

  @Test
  void givenWorkerStartedIdle_eventCommittedRightAfterStart_isDeliveredWithoutWaitingForAPoll()
      throws Exception {
    try (ServiceDatabase database = ServiceDatabase.h2File(directory);
        TestHandler handler = new TestHandler(Duration.ZERO);
        RunningService service =
            RunningService.start(
                database,
                Map.of(
                    "imbot.delivery.allowed-networks", "127.0.0.0/8",
                    "imbot.delivery.poll-interval", "60s"))) {
      register(service, handler.url("/bot/handler.php"));

      // The worker starts idle (decision 168); the commit wakes it, not the 60 s poll.
      await().atMost(10, TimeUnit.SECONDS).until(() -> handler.requests().size() == 1);
    }
  }

  @Test
  void givenDefaultGuard_unregister_refusesTheLoopbackHandlerAndTheDeliveryIsDeadWithItsCause()
      throws Exception {
    try (ServiceDatabase database = ServiceDatabase.h2File(directory);
        TestHandler handler = new TestHandler(Duration.ZERO);
        RunningService service = RunningService.start(database)) {
      register(service, handler.url("/hook"));

      await().atMost(10, TimeUnit.SECONDS).until(() -> "DEAD".equals(column(database, "status")));
      assertThat(column(database, "last_error"))
          .isEqualTo("blocked: 127.0.0.1 is a loopback address");
      assertThat(handler.requests()).isEmpty();
    }
  }

  @Test
  void givenDeliveryDisabled_service_startsNoWorker() throws Exception {
    try (ServiceDatabase database = ServiceDatabase.h2File(directory);
        RunningService service =
            RunningService.start(database, Map.of("imbot.delivery.enabled", "false"))) {
      assertThat(service.context().findBean(DeliveryWorker.class)).isEmpty();
      assertThat(service.get("/health").status()).isEqualTo(200);
    }
  }

  /** What a test checks once the service has delivered a bot's deletion. */
  private interface Delivered {
    void check(ServiceDatabase database, RunningService service, Map<String, String> body)
        throws Exception;
  }

  /**
   * Starts the service with {@code portal} settings and a handler on 127.0.0.1, deletes a bot, and
   * checks the delivered body's fields.
   */
  private void afterDeletionDelivered(Map<String, Object> portal, Delivered check)
      throws Exception {
    Map<String, Object> settings = new java.util.HashMap<>(portal);
    settings.put("imbot.delivery.allowed-networks", "127.0.0.0/8");
    try (ServiceDatabase database = ServiceDatabase.h2File(directory);
        TestHandler handler = new TestHandler(Duration.ZERO);
        RunningService service = RunningService.start(database, settings)) {
      register(service, handler.url("/hook"));
      await().atMost(10, TimeUnit.SECONDS).until(() -> handler.requests().size() == 1);
      check.check(database, service, fields(handler.requests().get(0).body()));
    }
  }

  @Test
  void givenPublicUrl_delivery_carriesItsDomainAndTheStoredMemberIdAsTokenAnswersDo()
      throws Exception {
    afterDeletionDelivered(
        Map.of("imbot.portal.public-url", "http://bots.example.test:9999"),
        (database, service, body) -> {
          String stored = storedMemberId(database);
          assertThat(stored).matches("[0-9a-f]{32}");
          assertThat(body)
              .containsEntry("auth[domain]", "bots.example.test:9999")
              .containsEntry("auth[member_id]", stored);
          PortalIdentity identity = service.bean(OAuthTokensUseCase.class).identity();
          assertThat(identity.memberId()).isEqualTo(stored);
          assertThat(identity.clientEndpoint()).isEqualTo("http://bots.example.test:9999/rest/");
          assertThat(service.firstStartLine().orElseThrow().url())
              .as("the first-start webhook line names the public URL")
              .startsWith("http://bots.example.test:9999/rest/1/");
          assertThat(service.startOutput())
              .as("so does the console's sign-in line")
              .contains("Console: http://bots.example.test:9999/console/?token=");
        });
  }

  @Test
  void givenTheWorkersFormerPortalSettings_serviceUsesThemAsPublicUrlAndFirstStoredMemberId()
      throws Exception {
    String memberId = "0123456789abcdef0123456789abcdef";
    afterDeletionDelivered(
        Map.of(
            "imbot.portal.domain", "legacy.example.test:8081", "imbot.portal.member-id", memberId),
        (database, service, body) -> {
          assertThat(body)
              .containsEntry("auth[domain]", "legacy.example.test:8081")
              .containsEntry("auth[member_id]", memberId);
          assertThat(storedMemberId(database)).isEqualTo(memberId);
          assertThat(service.bean(OAuthTokensUseCase.class).identity().serverEndpoint())
              .isEqualTo("http://legacy.example.test:8081/oauth/");
        });
  }

  /** A form body as PHP's {@code parse_str} flattens it: bracket names to values. */
  private static Map<String, String> fields(String body) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return fields;
  }

  private static String storedMemberId(ServiceDatabase database) throws Exception {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT setting_value FROM portal_setting WHERE name = 'member_id'")) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private static String column(ServiceDatabase database, String column) throws Exception {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT " + column + " FROM event_delivery ORDER BY id")) {
      return rows.next() ? rows.getString(1) : null;
    }
  }
}
