package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local application's install, reinstall and uninstall on the whole service over real HTTP, with
 * the handler a plain HTTP server that keeps what it receives: the {@code ONAPPINSTALL} body, the
 * installer's token, {@code POST …/install}, {@code app.info}, refreshing over {@code GET}, the
 * {@code ONAPPUNINSTALL} of an {@code event.bind} handler, token lifetimes from configuration and
 * their pruning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAppInstallTest {
  private static final String ADMIN = RoundTrip.ADMIN;

  @TempDir static Path temp;
  private ServiceDatabase database;
  private RunningService service;
  private TestHandler handler;
  private TestHandler failing;

  @BeforeAll
  void start() throws IOException {
    database = ServiceDatabase.h2File(temp.resolve("db"));
    service =
        RunningService.start(
            database,
            Map.of(
                "imbot.admin.token", ADMIN,
                "imbot.delivery.allowed-networks", "127.0.0.0/8",
                "imbot.oauth.access-token-lifetime", "2m",
                "imbot.oauth.prune-interval", "200ms"));
    handler = new TestHandler(Duration.ZERO);
    failing = new TestHandler(Duration.ZERO).answering(500);
  }

  @AfterAll
  void stop() {
    TestResources.closeAll(handler, failing, service, database);
  }

  /** A form body as PHP's {@code parse_str} flattens it: bracket names to values. */
  private static Map<String, String> fields(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return fields;
  }

  /** The bodies {@code handler} received at {@code path} for {@code event}, in order. */
  private static List<Map<String, String>> received(
      TestHandler handler, String path, String event) {
    return handler.requests().stream()
        .map(
            request -> {
              Map<String, String> body = fields(request.body());
              body.put("__path", request.path());
              return body;
            })
        .filter(body -> event.equals(body.get("event")))
        .filter(body -> path == null || path.equals(body.get("__path")))
        .toList();
  }

  /** Waits for the {@code n}th (1-based) {@code event} carrying {@code application_token}. */
  private Map<String, String> awaitEvent(String event, String applicationToken, int n) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ofApplication(event, applicationToken).size() >= n);
    return ofApplication(event, applicationToken).get(n - 1);
  }

  private List<Map<String, String>> ofApplication(String event, String applicationToken) {
    return received(handler, null, event).stream()
        .filter(body -> applicationToken.equals(body.get("auth[application_token]")))
        .toList();
  }

  /** Registers a small bot whose handler is the test's handler with {@code token}: its id. */
  private long registerBot(String code, String token) {
    CrestForm form =
        CrestForm.of()
            .field("CODE", code)
            .field("EVENT_HANDLER", handler.url("/bot"))
            .field("PROPERTIES[NAME]", "Bot " + code);
    Answer registered = call("imbot.register", form.encoded(), token);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    return registered.botId();
  }

  private Map<String, Object> createApplication(String title, String handlerUrl) {
    return RoundTrip.createApplication(service, title, handlerUrl);
  }

  private Answer call(String method, String form, String token) {
    return service.postForm(
        "/rest/" + method, form + (form.isEmpty() ? "" : "&") + "auth=" + token);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> resultOf(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return (Map<String, Object>) answer.result();
  }

  @Test
  void givenHandlerUrl_create_sendsOnAppInstallWithActiveLanguageHandlerIdAndConfiguredLifetime() {
    Map<String, Object> created = createApplication("Body", handler.url("/install"));

    Map<String, String> install =
        awaitEvent("ONAPPINSTALL", (String) created.get("application_token"), 1);

    assertThat(install)
        .containsEntry("data[VERSION]", "1")
        .containsEntry("data[ACTIVE]", "Y")
        .containsEntry("data[INSTALLED]", "Y")
        .containsEntry("data[LANGUAGE_ID]", "en")
        .containsEntry("auth[expires_in]", "120")
        .containsEntry("auth[user_id]", "1");
    assertThat(Long.parseLong(install.get("event_handler_id"))).isPositive();
    assertThat(Long.parseLong(install.get("auth[expires]")) - Long.parseLong(install.get("ts")))
        .isBetween(110L, 130L);
    assertThat(install.get("auth[refresh_token]")).isNotBlank();
  }

  @Test
  void givenInstallerUserId_create_installsWithThatUsersTokenAndProfileAnswersThem() {
    Answer person = service.admin("POST", "/users", "{\"name\":\"Installer Two\"}", ADMIN);
    assertThat(person.status()).as(person.toString()).isEqualTo(201);
    long installer = ((Number) person.object().get("id")).longValue();
    assertThat(installer).isNotEqualTo(1);
    Map<String, Object> created =
        RoundTrip.createApplication(
            service,
            "{\"handler_url\":\""
                + handler.url("/install")
                + "\",\"title\":\"Installer\",\"user_id\":"
                + installer
                + "}");
    assertThat(created).containsEntry("installer_user_id", (int) installer);

    Map<String, String> install =
        awaitEvent("ONAPPINSTALL", (String) created.get("application_token"), 1);

    assertThat(install).containsEntry("auth[user_id]", Long.toString(installer));
    assertThat(resultOf(call("profile", "", install.get("auth[access_token]"))))
        .containsEntry("ID", Long.toString(installer))
        .containsEntry("NAME", "Installer Two")
        .containsEntry("ADMIN", false);
  }

  @Test
  void givenInstalledApplication_reinstall_answers202SendsTheInstallAgainAndKeepsBotsAndTokens() {
    Map<String, Object> created = createApplication("Again", handler.url("/install"));
    String clientId = (String) created.get("client_id");
    String applicationToken = (String) created.get("application_token");
    Map<String, String> first = awaitEvent("ONAPPINSTALL", applicationToken, 1);
    RoundTrip.awaitInstalled(service, clientId);
    String token = first.get("auth[access_token]");
    long botId = registerBot("again", token);

    Answer reinstall = service.admin("POST", "/applications/" + clientId + "/install", null, ADMIN);

    assertThat(reinstall.status()).as(reinstall.toString()).isEqualTo(202);
    assertThat(reinstall.object())
        .containsEntry("client_id", clientId)
        .containsEntry("install_state", "INSTALLED")
        .doesNotContainKeys("client_secret", "access_token");
    Map<String, String> second = awaitEvent("ONAPPINSTALL", applicationToken, 2);
    assertThat(second.get("auth[access_token]")).isNotEqualTo(token);
    assertThat(second.get("event_handler_id")).isEqualTo(first.get("event_handler_id"));
    Answer bots = call("imbot.bot.list", "", token);
    assertThat(bots.status()).as("the first install's token still works").isEqualTo(200);
    assertThat(bots.body()).contains("\"ID\":" + botId);
    Answer audit =
        service.admin(
            "GET", "/audit?action=application.reinstalled&application=" + clientId, null, ADMIN);
    assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries = (List<Map<String, Object>>) audit.object().get("entries");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("actor").toString()).contains("operator");
  }

  @Test
  void givenUnknownApplicationOrOneWithoutHandler_reinstall_answers404Or400() {
    Map<String, Object> noHandler = createApplication("No handler", null);

    Answer unknown =
        service.admin("POST", "/applications/local.00000000000000.00000000/install", null, ADMIN);
    Answer withoutHandler =
        service.admin(
            "POST", "/applications/" + noHandler.get("client_id") + "/install", null, ADMIN);

    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(withoutHandler.status()).as(withoutHandler.toString()).isEqualTo(400);
  }

  @Test
  void givenApplicationWaitingForInstall_appInfo_answersBitrixFieldsWithInstalledFalse() {
    Map<String, Object> created = createApplication("Waiting", failing.url("/install"));
    String clientId = (String) created.get("client_id");
    await().atMost(Duration.ofSeconds(30)).until(() -> !failing.requests().isEmpty());
    assertThat(RoundTrip.installState(service, clientId)).isEqualTo("WAITING_FOR_INSTALL");

    Map<String, Object> info = resultOf(call("app.info", "", (String) created.get("access_token")));

    assertThat(info)
        .containsEntry("CODE", clientId)
        .containsEntry("VERSION", 1)
        .containsEntry("STATUS", "L")
        .containsEntry("INSTALLED", false)
        .containsEntry("PAYMENT_EXPIRED", "N")
        .containsEntry("LANGUAGE_ID", "en")
        .containsEntry("LICENSE", "selfhosted")
        .containsKey("DAYS");
  }

  @Test
  void givenApplicationWithoutHandler_create_countsAsInstalledAndItsBotsHearEventsAtOnce() {
    Map<String, Object> created = createApplication("Installed at once", null);
    String token = (String) created.get("access_token");
    assertThat(created)
        .containsEntry("installed", true)
        .containsEntry("install_state", "INSTALLED");
    assertThat(resultOf(call("app.info", "", token))).containsEntry("INSTALLED", true);
    long botId = registerBot("atonce", token);

    String webhook = service.firstStartLine().orElseThrow().path();
    RoundTrip.say(service, webhook, botId, "anyone there?");

    Map<String, String> message =
        awaitEvent("ONIMBOTMESSAGEADD", (String) created.get("application_token"), 1);
    assertThat(message).containsEntry("data[PARAMS][MESSAGE]", "anyone there?");
  }

  @Test
  void givenInstallRefreshToken_refreshOverGet_answersANewPairThatWorks() {
    Map<String, Object> created = createApplication("Refresh", handler.url("/install"));
    Map<String, String> install =
        awaitEvent("ONAPPINSTALL", (String) created.get("application_token"), 1);

    Answer refreshed =
        service.get(
            "/oauth/token/?grant_type=refresh_token&client_id="
                + created.get("client_id")
                + "&client_secret="
                + created.get("client_secret")
                + "&refresh_token="
                + install.get("auth[refresh_token]"));

    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    assertThat(refreshed.object())
        .containsEntry("expires_in", 120)
        .containsEntry("user_id", 1)
        .containsKeys("access_token", "refresh_token", "client_endpoint", "member_id");
    String access = (String) refreshed.object().get("access_token");
    assertThat(resultOf(call("profile", "", access))).containsEntry("ID", "1");
  }

  @Test
  void givenApplications_list_neverShowsClientSecretOrAccessToken() {
    createApplication("Secretive", null);

    Answer list = service.admin("GET", "/applications", null, ADMIN);

    assertThat(list.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> applications = (List<Map<String, Object>>) list.json();
    assertThat(applications).isNotEmpty();
    assertThat(applications)
        .allSatisfy(
            application ->
                assertThat(application)
                    .doesNotContainKeys("client_secret", "access_token", "application_token"));
  }

  @Test
  void givenBoundUninstallHandler_remove_sendsOnAppUninstallThereWithoutTokens() {
    Map<String, Object> created = createApplication("Bound uninstall", null);
    String clientId = (String) created.get("client_id");
    String applicationToken = (String) created.get("application_token");
    Answer bound =
        call(
            "event.bind",
            "event=ONAPPUNINSTALL&handler=" + RoundTrip.enc(handler.url("/bound-uninstall")),
            (String) created.get("access_token"));
    assertThat(bound.status()).as(bound.toString()).isEqualTo(200);

    RoundTrip.removeApplication(service, clientId);

    Map<String, String> uninstall = awaitEvent("ONAPPUNINSTALL", applicationToken, 1);
    assertThat(uninstall)
        .containsEntry("data[CLEAN]", "1")
        .containsEntry("__path", "/bound-uninstall");
    assertThat(Long.parseLong(uninstall.get("event_handler_id"))).isPositive();
    assertThat(uninstall.keySet().stream().filter(k -> k.startsWith("auth[")))
        .containsExactlyInAnyOrder("auth[domain]", "auth[member_id]", "auth[application_token]");
  }

  @Test
  void givenApplicationWithoutHandlerAndABot_remove_sendsOnImBotDeleteWithItsApplicationToken() {
    Map<String, Object> created = createApplication("Gone at once", null);
    String clientId = (String) created.get("client_id");
    String applicationToken = (String) created.get("application_token");
    long botId = registerBot("goneatonce", (String) created.get("access_token"));

    RoundTrip.removeApplication(service, clientId);

    Map<String, String> botDelete = awaitEvent("ONIMBOTDELETE", applicationToken, 1);
    assertThat(botDelete)
        .containsEntry("data[BOT_ID]", Long.toString(botId))
        .containsEntry("auth[application_token]", applicationToken);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                service
                        .admin(
                            "POST", "/applications", "{\"client_id\":\"" + clientId + "\"}", ADMIN)
                        .status()
                    == 201);
  }

  @Test
  void givenExpiredTokens_pruning_deletesThem() {
    Map<String, Object> created = createApplication("Pruned", null);
    String clientId = (String) created.get("client_id");
    OAuthTokens tokens = service.bean(OAuthTokens.class);
    String expired =
        RoundTrip.tokenOfUser1(
            service, clientId, OAuthToken.Kind.ACCESS, Instant.now().minusSeconds(1));
    String live =
        RoundTrip.tokenOfUser1(
            service, clientId, OAuthToken.Kind.ACCESS, Instant.now().plusSeconds(600));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> tokens.find(SecretHash.of(expired)).isEmpty());
    assertThat(tokens.find(SecretHash.of(live))).isPresent();
  }
}
