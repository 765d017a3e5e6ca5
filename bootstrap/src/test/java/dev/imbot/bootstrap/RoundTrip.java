package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Test support: the operator's and a person's side of the messaging round trip with a local-app bot
 * ({@link PhpBot}): create the application, wait for its install, write to the bot, read the
 * dialog, remove the application; and a token stored directly, for expiry and pruning.
 */
final class RoundTrip {
  static final String ADMIN = "local-app-admin-token";

  private RoundTrip() {}

  /** Creates a local application through the admin API; with a handler URL it is installed. */
  static Map<String, Object> createApplication(
      RunningService service, String title, String handlerUrl) {
    String handler = handlerUrl == null ? "" : "\"handler_url\":\"" + handlerUrl + "\",";
    return createApplication(service, "{" + handler + "\"title\":\"" + title + "\"}");
  }

  /** Creates a local application through the admin API from its JSON body, asserting 201. */
  static Map<String, Object> createApplication(RunningService service, String json) {
    Answer created = service.admin("POST", "/applications", json, ADMIN);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.object();
  }

  /** Removes the application through the admin API, asserting {@code 200}: the answer. */
  static Answer removeApplication(RunningService service, String clientId) {
    Answer removed = service.admin("DELETE", "/applications/" + clientId, null, ADMIN);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    return removed;
  }

  /** A {@code kind} token of the application's user 1, stored expiring at {@code expires}. */
  static String tokenOfUser1(
      RunningService service, String clientId, OAuthToken.Kind kind, Instant expires) {
    String secret = SecretHash.newSecret();
    service
        .bean(OAuthTokens.class)
        .save(
            new OAuthToken(
                SecretHash.of(secret), kind, ApplicationKey.of(clientId), UserId.of(1), expires));
    return secret;
  }

  /** The application's {@code install_state} as the admin API lists it. */
  @SuppressWarnings("unchecked")
  static String installState(RunningService service, String clientId) {
    List<Map<String, Object>> applications =
        (List<Map<String, Object>>) service.admin("GET", "/applications", null, ADMIN).json();
    return applications.stream()
        .filter(a -> clientId.equals(a.get("client_id")))
        .map(a -> (String) a.get("install_state"))
        .findFirst()
        .orElse(null);
  }

  static void awaitInstalled(RunningService service, String clientId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "INSTALLED".equals(installState(service, clientId)));
  }

  /** Portal user 1 writes {@code text} to the bot through the first-start webhook: its id. */
  static long say(RunningService service, String webhook, long botId, String text) {
    Answer sent =
        service.postForm(
            webhook + "im.message.add", "DIALOG_ID=" + botId + "&MESSAGE=" + enc(text));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    return ((Number) sent.result()).longValue();
  }

  /** The texts of the dialog of portal user 1 with the bot, newest first. */
  @SuppressWarnings("unchecked")
  static List<String> dialog(RunningService service, String webhook, long botId) {
    Answer read = service.postForm(webhook + "im.dialog.messages.get", "DIALOG_ID=" + botId);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    List<Map<String, Object>> messages =
        (List<Map<String, Object>>) ((Map<String, Object>) read.result()).get("messages");
    return messages.stream().map(m -> (String) m.get("text")).toList();
  }

  /** Waits until the bot's answer to {@code text} is in the dialog; the dialog then. */
  static List<String> awaitAnswer(RunningService service, String webhook, long botId, String text) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> dialog(service, webhook, botId).contains("Answer: " + text));
    return dialog(service, webhook, botId);
  }

  /** {@code values} as a form body. */
  static String form(Map<String, String> values) {
    StringJoiner form = new StringJoiner("&");
    values.forEach((k, v) -> form.add(enc(k) + "=" + enc(v)));
    return form.toString();
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
