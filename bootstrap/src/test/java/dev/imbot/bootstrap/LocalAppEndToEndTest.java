package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.application.port.in.portal.ApplicationInstallUseCase;
import dev.imbot.application.port.in.portal.MintEventTokensUseCase;
import dev.imbot.application.port.in.portal.MintEventTokensUseCase.EventAuth;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local-app bot written like Bitrix24's samples (PHP, reading {@code $_REQUEST}, served by {@code
 * php -S}) installed on the whole service over real HTTP. Until the delivery worker sends events,
 * the test reads the recorded {@code ONAPPINSTALL} from the outbox, renders its {@code auth} block
 * through the token-minting use case (as the worker will at each attempt) and posts it to the
 * handler in PHP's form encoding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAppEndToEndTest {
  private static final String ADMIN = "local-app-admin-token";
  private static final JsonMapper JSON = JsonMapper.createDefault();

  @TempDir static Path temp;
  private ServiceDatabase database;
  private RunningService service;
  private Process php;
  private String handlerUrl;
  private Path handlerLog;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws IOException {
    database = ServiceDatabase.h2File(temp.resolve("db"));
    service = RunningService.start(database, Map.of("imbot.admin.token", ADMIN));
    Path docroot = Files.createDirectories(temp.resolve("handler"));
    try (var script = getClass().getResourceAsStream("/local-app/handler.php")) {
      Files.copy(script, docroot.resolve("handler.php"));
    }
    handlerLog = temp.resolve("handler.log");
    int port = RunningService.freePort();
    ProcessBuilder builder =
        new ProcessBuilder("php", "-S", "127.0.0.1:" + port, "-t", docroot.toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("php.out").toFile());
    builder.environment().put("HANDLER_LOG", handlerLog.toString());
    php = builder.start();
    handlerUrl = "http://127.0.0.1:" + port + "/handler.php";
    await().atMost(Duration.ofSeconds(10)).until(() -> reachable(handlerUrl));
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
  void givenLocalAppWithHandler_installed_registersBotWithReceivedAuthAndRefreshesTokens()
      throws Exception {
    Map<String, Object> created = createApplication("EchoBot");
    String clientId = (String) created.get("client_id");
    String clientSecret = (String) created.get("client_secret");
    assertThat(clientId).matches("local\\.[0-9a-f]{14}\\.[0-9]{8}");
    assertThat(created.get("install_state")).isEqualTo("WAITING_FOR_INSTALL");
    ApplicationInstallUseCase gate = service.bean(ApplicationInstallUseCase.class);
    ApplicationKey key = ApplicationKey.of(clientId);
    assertThat(gate.mayDeliver(key, "ONIMBOTMESSAGEADD")).isFalse();
    assertThat(gate.mayDeliver(key, "ONAPPINSTALL")).isTrue();

    Map<String, Object> install = deliverInstall(key);
    gate.installDelivered(key);
    assertThat(gate.mayDeliver(key, "ONIMBOTMESSAGEADD")).isTrue();

    @SuppressWarnings("unchecked")
    Map<String, Object> request = (Map<String, Object>) install.get("request");
    @SuppressWarnings("unchecked")
    Map<String, Object> auth = (Map<String, Object>) request.get("auth");
    assertThat(request.get("event")).isEqualTo("ONAPPINSTALL");
    assertThat(auth)
        .containsKeys(
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
            "refresh_token",
            "application_token");
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

    String accessToken = (String) auth.get("access_token");
    String refreshToken = (String) auth.get("refresh_token");
    Answer refreshed =
        service.postForm(
            "/oauth/token/",
            form(
                Map.of(
                    "grant_type", "refresh_token",
                    "client_id", clientId,
                    "client_secret", clientSecret,
                    "refresh_token", refreshToken)));
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    Map<String, Object> pair = refreshed.object();
    assertThat(pair)
        .containsKeys(
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
            "refresh_token");
    assertThat(pair.get("member_id")).isEqualTo(auth.get("member_id"));
    String newAccess = (String) pair.get("access_token");
    assertThat(newAccess).isNotEqualTo(accessToken);
    Answer list = service.postForm("/rest/imbot.bot.list", "auth=" + newAccess);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.body()).contains("\"" + botId + "\"");
    Answer appInfo = service.postForm("/rest/app.info", "auth=" + newAccess);
    assertThat(appInfo.object().get("result").toString()).contains("CODE=" + clientId);

    Answer reused =
        service.get(
            "/oauth/token/?grant_type=refresh_token&client_id="
                + clientId
                + "&client_secret="
                + clientSecret
                + "&refresh_token="
                + refreshToken);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.error()).isEqualTo("invalid_grant");

    Answer wrongSecret =
        service.get(
            "/oauth/token/?grant_type=refresh_token&client_id="
                + clientId
                + "&client_secret=wrong&refresh_token="
                + pair.get("refresh_token"));
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.error()).isEqualTo("invalid_client");

    // Another application's token may not touch this application's bot.
    Map<String, Object> other = createApplication("Other");
    Answer foreign =
        service.postForm(
            "/rest/imbot.unregister", "BOT_ID=" + botId + "&auth=" + other.get("access_token"));
    assertThat(foreign.error()).isEqualTo("APP_ID_ERROR");

    // Uninstall: the bot goes, the tokens stop working, ONAPPUNINSTALL is recorded.
    Answer removed = service.admin("DELETE", "/applications/" + clientId, null, ADMIN);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(removed.object()).containsEntry("bots_removed", 1);
    Answer dead = service.postForm("/rest/profile", "auth=" + newAccess);
    assertThat(dead.status()).isEqualTo(401);
    assertThat(dead.error()).isEqualTo("NO_AUTH_FOUND");
    assertThat(service.postForm("/rest/imbot.bot.list", "auth=" + other.get("access_token")).body())
        .doesNotContain("echobot");
    List<String> events =
        outbox().stream()
            .filter(d -> d.event().application().equals(key))
            .map(d -> d.event().event())
            .toList();
    assertThat(events).containsExactly("ONAPPINSTALL", "ONIMBOTDELETE", "ONAPPUNINSTALL");
  }

  @Test
  void givenExpiredAccessToken_called_answers401ExpiredToken() {
    Map<String, Object> created = createApplication("Expiring");
    String token = SecretHash.newSecret();
    service
        .bean(OAuthTokens.class)
        .save(
            new OAuthToken(
                SecretHash.of(token),
                OAuthToken.Kind.ACCESS,
                ApplicationKey.of((String) created.get("client_id")),
                UserId.of(1),
                Instant.now().minusSeconds(1)));
    Answer answer = service.postForm("/rest/profile", "auth=" + token);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.error()).isEqualTo("expired_token");
  }

  @Test
  void givenEventBindCalls_bindUnbindGet_answerInBitrixShapes() {
    Map<String, Object> created = createApplication("Binder");
    String token = (String) created.get("access_token");
    Answer bind =
        service.postForm(
            "/rest/event.bind", "event=ONAPPUPDATE&handler=" + enc(handlerUrl) + "&auth=" + token);
    assertThat(bind.result()).isEqualTo(true);
    Answer get = service.postForm("/rest/event.get", "auth=" + token);
    assertThat(get.body()).contains("ONAPPUPDATE").contains("\"auth_type\":\"0\"");
    Answer unknown =
        service.postForm(
            "/rest/event.bind", "event=ONCRMLEADADD&handler=" + enc(handlerUrl) + "&auth=" + token);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error()).isEqualTo("WRONG_REQUEST");
    Answer unbind = service.postForm("/rest/event.unbind", "event=ONAPPUPDATE&auth=" + token);
    assertThat(unbind.object().get("result")).isEqualTo(Map.of("count", 1));
    Answer scope = service.postForm("/rest/scope", "auth=" + token);
    assertThat(scope.result()).isEqualTo(List.of("imbot", "im"));
  }

  private Map<String, Object> createApplication(String title) {
    Answer created =
        service.admin(
            "POST",
            "/applications",
            "{\"handler_url\":\"" + handlerUrl + "\",\"title\":\"" + title + "\"}",
            ADMIN);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.object();
  }

  private List<Delivery> outbox() {
    return service.bean(EventOutbox.class).page(0, 1000);
  }

  /** Renders the recorded ONAPPINSTALL as the worker would and posts it; the handler's log line. */
  private Map<String, Object> deliverInstall(ApplicationKey key) throws Exception {
    Delivery delivery =
        outbox().stream()
            .filter(d -> d.event().application().equals(key))
            .filter(d -> d.event().event().equals("ONAPPINSTALL"))
            .findFirst()
            .orElseThrow();
    EventAuth auth =
        service
            .bean(MintEventTokensUseCase.class)
            .mint(key, delivery.event().event(), delivery.event().subjects());
    StringJoiner body = new StringJoiner("&");
    body.add("event=" + delivery.event().event());
    body.add("event_handler_id=" + delivery.event().handlerBindingId());
    List<String> pairs = new ArrayList<>();
    flatten("data", auth.mergeInto(delivery.event().data()), pairs);
    pairs.add("ts=" + Instant.now().getEpochSecond());
    flatten("auth", auth.auth(), pairs);
    pairs.forEach(body::add);
    long before = Files.exists(handlerLog) ? Files.readAllLines(handlerLog).size() : 0;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(delivery.event().handler().value()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> lines = Files.readAllLines(handlerLog);
    assertThat(lines.size()).isGreaterThan((int) before);
    return JSON.readValue(lines.get(lines.size() - 1), Map.class);
  }

  private static void flatten(String prefix, EventData data, List<String> pairs) {
    data.asMap()
        .forEach(
            (key, value) -> {
              String name = prefix + "[" + key + "]";
              if (value instanceof EventData nested) {
                flatten(name, nested, pairs);
              } else {
                pairs.add(enc(name) + "=" + enc((String) value));
              }
            });
  }

  private static String form(Map<String, String> values) {
    StringJoiner form = new StringJoiner("&");
    values.forEach((k, v) -> form.add(enc(k) + "=" + enc(v)));
    return form.toString();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
