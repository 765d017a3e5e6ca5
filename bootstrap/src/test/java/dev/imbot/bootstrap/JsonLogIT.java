package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the jar: {@code IMBOT_LOG_FORMAT=json} makes every log line a JSON object, the
 * request log gives one line per request with its Bitrix method and outcome, and no secret the test
 * made (webhook secret, access token, admin token) appears in any of them.
 */
class JsonLogIT {
  private static final String ADMIN_TOKEN = "json-log-admin-token-5b1c9e";
  private static final JsonMapper JSON = JsonMapper.createDefault();

  @TempDir Path temp;

  @Test
  void givenJsonFormat_calls_logOneJsonLinePerRequestWithoutSecrets() throws Exception {
    Map<String, String> environment =
        Map.of(
            "IMBOT_DATA_DIR",
            temp.resolve("data").toString(),
            "IMBOT_LOG_FORMAT",
            "json",
            "LOGGER_LEVELS_DEV_IMBOT_REQUEST",
            "DEBUG",
            "IMBOT_ADMIN_TOKEN",
            ADMIN_TOKEN);
    try (ServiceProcess service = ServiceProcess.start(temp.resolve("work"), environment, "json")) {
      FirstStartLine webhook = service.firstStartLine().orElseThrow();
      String webhookSecret = webhook.path().split("/")[3];
      Answer app =
          service.admin("POST", "/applications", "{\"client_id\":\"jsonlog\"}", ADMIN_TOKEN);
      assertThat(app.status()).as(app.toString()).isEqualTo(201);
      String accessToken = (String) app.object().get("access_token");

      assertThat(
              service
                  .postForm(
                      webhook.url() + "imbot.register", CrestForm.minimal("app", "b1").encoded())
                  .status())
          .isEqualTo(200);
      assertThat(service.get("/rest/imbot.bot.list?auth=" + accessToken).status()).isEqualTo(200);
      assertThat(service.get("/rest/imbot.bot.list?auth=wrong-" + accessToken).status())
          .isEqualTo(401);
      service.stop();

      List<Map<String, Object>> lines = new ArrayList<>();
      for (String line : service.output().split("\n")) {
        if (line.isBlank() || isAnnouncement(line)) {
          continue;
        }
        assertThat(line).doesNotContain(webhookSecret, accessToken, ADMIN_TOKEN);
        lines.add(parse(line));
      }
      List<Map<String, Object>> requests =
          lines.stream().filter(l -> "dev.imbot.request".equals(l.get("loggerName"))).toList();
      assertThat(requests).hasSizeGreaterThanOrEqualTo(4);
      assertThat(requests.toString())
          .contains("method=imbot.register", "outcome=ok", "outcome=NO_AUTH_FOUND")
          .contains("/rest/1/***/imbot.register");
    }
  }

  /**
   * The lines the service prints on stdout by design, outside the log: the first start's webhook
   * (over http and https), the https certificate and the console's sign-in link.
   */
  private static boolean isAnnouncement(String line) {
    return FirstStartLine.find(line).isPresent()
        || line.startsWith("First start: ")
        || line.startsWith("HTTPS: ")
        || line.startsWith("Console: ");
  }

  private static Map<String, Object> parse(String line) throws IOException {
    try {
      return JSON.readValue(
          line.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }
}
