package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.portal.OAuthToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local-app bot written like Bitrix24's samples (PHP, reading {@code $_REQUEST}, served by {@code
 * php -S}) on the whole service over real HTTP, both ways: the delivery worker sends it {@code
 * ONAPPINSTALL}, it registers its bot with the token it got, a person writes to the bot, the worker
 * sends {@code ONIMBOTMESSAGEADD} and the bot's answer ({@code imbot.message.add}) is in the
 * dialog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAppEndToEndTest {
  private static final String ADMIN = RoundTrip.ADMIN;

  /** The keys of Bitrix24's OAuth answer, in its order. */
  private static final String[] TOKEN_ANSWER_KEYS = {
    "access_token",
    "expires",
    "expires_in",
    "scope",
    "domain",
    "server_endpoint",
    "status",
    "client_endpoint",
    "member_id",
    "user_id",
    "refresh_token"
  };

  /** An event's {@code auth} block with tokens: the OAuth answer and {@code application_token}. */
  private static final String[] TOKEN_KEYS =
      Stream.concat(Arrays.stream(TOKEN_ANSWER_KEYS), Stream.of("application_token"))
          .toArray(String[]::new);

  @TempDir static Path temp;
  private ServiceDatabase database;
  private RunningService service;
  private PhpBot bot;

  @BeforeAll
  void start() throws IOException {
    database = ServiceDatabase.h2File(temp.resolve("db"));
    service =
        RunningService.start(
            database,
            Map.of("imbot.admin.token", ADMIN, "imbot.delivery.allowed-networks", "127.0.0.0/8"));
    bot = PhpBot.start(temp);
  }

  @AfterAll
  void stop() {
    TestResources.closeAll(bot, service, database);
  }

  @Test
  void givenLocalAppBot_installedByTheWorker_registersItsBotAndAnswersAPersonsMessage() {
    Map<String, Object> created = createApplication("EchoBot", bot.url());
    String clientId = (String) created.get("client_id");
    assertThat(clientId).matches("local\\.[0-9a-f]{14}\\.[0-9]{8}");
    assertThat(created.get("install_state")).isEqualTo("WAITING_FOR_INSTALL");

    Map<String, Object> install = bot.awaitEvent("ONAPPINSTALL");
    @SuppressWarnings("unchecked")
    Map<String, Object> request = (Map<String, Object>) install.get("request");
    @SuppressWarnings("unchecked")
    Map<String, Object> auth = (Map<String, Object>) request.get("auth");
    assertThat(auth).containsOnlyKeys(TOKEN_KEYS);
    assertThat(auth.get("client_endpoint")).isEqualTo(service.baseUrl() + "/rest/");
    assertThat(auth.get("server_endpoint")).isEqualTo(service.baseUrl() + "/oauth/");
    assertThat(auth.get("application_token")).isEqualTo(created.get("application_token"));
    assertThat(auth.get("user_id")).isEqualTo("1");
    assertThat(auth.get("expires_in")).isEqualTo("3600");
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) request.get("data");
    assertThat(data).containsEntry("VERSION", "1").containsEntry("INSTALLED", "Y");
    @SuppressWarnings("unchecked")
    long botId =
        ((Number) ((Map<String, Object>) install.get("register")).get("result")).longValue();
    @SuppressWarnings("unchecked")
    Map<String, Object> profile =
        (Map<String, Object>) ((Map<String, Object>) install.get("profile")).get("result");
    assertThat(profile).containsEntry("ID", "1").containsEntry("ADMIN", true);
    assertThat(install.get("bots").toString()).contains("echobot");
    RoundTrip.awaitInstalled(service, clientId);

    String webhook = service.firstStartLine().orElseThrow().path();
    long said = RoundTrip.say(service, webhook, botId, "Hello, bot");
    List<String> dialog = RoundTrip.awaitAnswer(service, webhook, botId, "Hello, bot");

    assertThat(dialog).contains("Hello, bot", "Answer: Hello, bot");
    Map<String, Object> message = bot.awaitEvent("ONIMBOTMESSAGEADD");
    @SuppressWarnings("unchecked")
    Map<String, Object> messageRequest = (Map<String, Object>) message.get("request");
    @SuppressWarnings("unchecked")
    Map<String, Object> params =
        (Map<String, Object>) ((Map<String, Object>) messageRequest.get("data")).get("PARAMS");
    assertThat(params)
        .containsEntry("MESSAGE_ID", Long.toString(said))
        .containsEntry("DIALOG_ID", "1");
    @SuppressWarnings("unchecked")
    Map<String, Object> messageAuth = (Map<String, Object>) messageRequest.get("auth");
    assertThat(messageAuth)
        .containsEntry("user_id", "1")
        .containsEntry("member_id", auth.get("member_id"))
        .containsKeys("access_token", "refresh_token");
    assertThat(messageAuth.get("access_token")).isNotEqualTo(auth.get("access_token"));
    @SuppressWarnings("unchecked")
    Map<String, Object> botBlock =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) messageRequest.get("data")).get("BOT"))
                .get(Long.toString(botId));
    assertThat(botBlock)
        .containsEntry("user_id", Long.toString(botId))
        .containsEntry("client_id", clientId)
        .containsEntry("BOT_CODE", "echobot")
        .containsKey("AUTH");
    assertThat(bot.events("ONIMBOTJOINCHAT")).hasSize(1);
    assertThat(message.get("answer").toString()).contains("result=");
  }

  @Test
  void givenInstalledLocalApp_tokensRefreshAndUninstallRemovesBotsTokensAndSendsOnAppUninstall()
      throws Exception {
    PhpBot own = PhpBot.start(Files.createDirectories(temp.resolve("uninstalled")));
    try (own) {
      Map<String, Object> created = createApplication("Leaving", own.url());
      String clientId = (String) created.get("client_id");
      String clientSecret = (String) created.get("client_secret");
      Map<String, Object> install = own.awaitEvent("ONAPPINSTALL");
      @SuppressWarnings("unchecked")
      Map<String, Object> auth =
          (Map<String, Object>) ((Map<String, Object>) install.get("request")).get("auth");
      @SuppressWarnings("unchecked")
      long botId =
          ((Number) ((Map<String, Object>) install.get("register")).get("result")).longValue();
      RoundTrip.awaitInstalled(service, clientId);

      String accessToken = (String) auth.get("access_token");
      String refreshToken = (String) auth.get("refresh_token");
      Answer refreshed =
          service.postForm(
              "/oauth/token/",
              RoundTrip.form(
                  Map.of(
                      "grant_type", "refresh_token",
                      "client_id", clientId,
                      "client_secret", clientSecret,
                      "refresh_token", refreshToken)));
      assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
      Map<String, Object> pair = refreshed.object();
      assertThat(pair).containsOnlyKeys(TOKEN_ANSWER_KEYS);
      assertThat(pair.get("member_id")).isEqualTo(auth.get("member_id"));
      String newAccess = (String) pair.get("access_token");
      assertThat(newAccess).isNotEqualTo(accessToken);
      Answer list = service.postForm("/rest/imbot.bot.list", "auth=" + newAccess);
      assertThat(list.status()).as(list.toString()).isEqualTo(200);
      assertThat(list.body()).contains("\"" + botId + "\"");
      Answer appInfo = service.postForm("/rest/app.info", "auth=" + newAccess);
      assertThat(appInfo.object().get("result").toString()).contains("CODE=" + clientId);

      // Another application's token may not touch this application's bot.
      Map<String, Object> other = createApplication("Other", null);
      Answer foreign =
          service.postForm(
              "/rest/imbot.unregister", "BOT_ID=" + botId + "&auth=" + other.get("access_token"));
      assertThat(foreign.error()).isEqualTo("APP_ID_ERROR");

      // Uninstall: the bot goes, the tokens stop working, ONAPPUNINSTALL reaches the handler.
      Answer removed = RoundTrip.removeApplication(service, clientId);
      assertThat(removed.object()).containsEntry("bots_removed", 1);
      Answer dead = service.postForm("/rest/profile", "auth=" + newAccess);
      assertThat(dead.status()).isEqualTo(401);
      assertThat(dead.error()).isEqualTo("NO_AUTH_FOUND");
      assertThat(
              service.postForm("/rest/imbot.bot.list", "auth=" + other.get("access_token")).body())
          .doesNotContain("\"" + botId + "\"");
      Map<String, Object> uninstall = own.awaitEvent("ONAPPUNINSTALL");
      @SuppressWarnings("unchecked")
      Map<String, Object> uninstallRequest = (Map<String, Object>) uninstall.get("request");
      assertThat(uninstallRequest.get("data")).isEqualTo(Map.of("CLEAN", "1"));
      @SuppressWarnings("unchecked")
      Map<String, Object> uninstallAuth = (Map<String, Object>) uninstallRequest.get("auth");
      assertThat(uninstallAuth)
          .containsOnlyKeys("domain", "member_id", "application_token")
          .containsEntry("application_token", created.get("application_token"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> RoundTrip.installState(service, clientId) == null);
      List<String> events =
          outbox().stream()
              .filter(d -> d.event().application().value().equals(clientId))
              .map(d -> d.event().event())
              .toList();
      assertThat(events).containsExactly("ONAPPINSTALL", "ONIMBOTDELETE", "ONAPPUNINSTALL");
    }
  }

  @Test
  void givenExpiredAccessToken_called_answers401ExpiredToken() {
    Map<String, Object> created = createApplication("Expiring", null);
    String token =
        RoundTrip.tokenOfUser1(
            service,
            (String) created.get("client_id"),
            OAuthToken.Kind.ACCESS,
            Instant.now().minusSeconds(1));
    Answer answer = service.postForm("/rest/profile", "auth=" + token);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.error()).isEqualTo("expired_token");
  }

  @Test
  void givenEventBindCalls_bindUnbindGet_answerInBitrixShapes() {
    Map<String, Object> created = createApplication("Binder", null);
    String token = (String) created.get("access_token");
    Answer bind =
        service.postForm(
            "/rest/event.bind", "event=ONAPPUPDATE&handler=" + enc(bot.url()) + "&auth=" + token);
    assertThat(bind.result()).isEqualTo(true);
    Answer get = service.postForm("/rest/event.get", "auth=" + token);
    assertThat(get.body()).contains("ONAPPUPDATE").contains("\"auth_type\":\"0\"");
    Answer unknown =
        service.postForm(
            "/rest/event.bind", "event=ONCRMLEADADD&handler=" + enc(bot.url()) + "&auth=" + token);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error()).isEqualTo("WRONG_REQUEST");
    Answer unbind = service.postForm("/rest/event.unbind", "event=ONAPPUPDATE&auth=" + token);
    assertThat(unbind.object().get("result")).isEqualTo(Map.of("count", 1));
    Answer scope = service.postForm("/rest/scope", "auth=" + token);
    assertThat(scope.result()).isEqualTo(List.of("imbot", "im"));
  }

  private Map<String, Object> createApplication(String title, String handlerUrl) {
    return RoundTrip.createApplication(service, title, handlerUrl);
  }

  private List<Delivery> outbox() {
    return service.bean(EventOutbox.class).page(0, 1000);
  }

  private static String enc(String value) {
    return RoundTrip.enc(value);
  }
}
