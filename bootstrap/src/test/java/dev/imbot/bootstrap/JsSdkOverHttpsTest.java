package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real npm {@code @bitrix24/b24jssdk} (installed by {@code npm ci} in {@code src/test/js},
 * which .ci/run does) against the service over https, trusting the self-signed certificate through
 * {@code NODE_EXTRA_CA_CERTS} as the start-up line says: {@code B24Hook.fromWebhookUrl} (https
 * only), then {@code server.time}, {@code imbot.register}, {@code imbot.bot.list} and {@code
 * profile}. Without Node.js or the package the test is skipped locally, saying why, and fails in CI
 * ({@code CI=true}).
 */
class JsSdkOverHttpsTest {
  private static final Path SCRIPTS = Path.of("src", "test", "js");
  private static final Pattern CERTIFICATE = Pattern.compile("NODE_EXTRA_CA_CERTS=(\\S+)");
  private static final JsonMapper JSON = JsonMapper.createDefault();

  @TempDir Path temp;

  @Test
  void givenTheSelfSignedCertificateTrusted_jsSdk_callsTheServiceOverHttps() throws Exception {
    requireNodeAndSdk();
    Path data = temp.resolve("data");
    try (ServiceDatabase database = ServiceDatabase.h2File(data);
        RunningService service =
            RunningService.start(database, Map.of("imbot.data-dir", data.toString()))) {
      String webhook =
          service.httpsBaseUrl().orElseThrow() + service.firstStartLine().orElseThrow().path();
      Matcher trust = CERTIFICATE.matcher(service.startOutput());
      assertThat(trust.find()).as(service.startOutput()).isTrue();

      Run run = node(webhook, trust.group(1));

      assertThat(run.exitCode()).as(run.toString()).isZero();
      @SuppressWarnings("unchecked")
      Map<String, Object> results =
          (Map<String, Object>)
              JSON.readValue(
                  run.stdout().getBytes(StandardCharsets.UTF_8), Argument.OBJECT_ARGUMENT);
      assertThat((String) results.get("serverTime"))
          .matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
      long botId = ((Number) results.get("botId")).longValue();
      assertThat(botId).isPositive();
      assertThat(((Map<?, ?>) results.get("bots")).get(Long.toString(botId)).toString())
          .contains("CODE=jsbot", "NAME=JS Bot");
      assertThat(((Map<?, ?>) results.get("profile")).get("ID")).isEqualTo("1");
      // The bot is really stored: plain http sees it too.
      assertThat(
              service
                  .get(service.firstStartLine().orElseThrow().path() + "imbot.bot.list")
                  .result()
                  .toString())
          .contains("jsbot");

      // Without the trust the SDK's https call fails: the certificate is really checked.
      Run untrusted = node(webhook, null);
      assertThat(untrusted.exitCode()).as(untrusted.toString()).isNotZero();
    }
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run node(String webhook, String certificate) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("node", "sdk-over-https.mjs").directory(SCRIPTS.toFile());
    builder.environment().put("WEBHOOK_URL", webhook);
    builder.environment().remove("NODE_EXTRA_CA_CERTS");
    builder.environment().remove("NODE_TLS_REJECT_UNAUTHORIZED");
    if (certificate != null) {
      builder.environment().put("NODE_EXTRA_CA_CERTS", certificate);
    }
    Path out = temp.resolve("node.out");
    Path err = temp.resolve("node.err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("node did not finish within 120 s: " + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out).strip(), Files.readString(err));
  }

  /** Skips locally, fails in CI, when Node.js or the installed SDK is missing. */
  private static void requireNodeAndSdk() {
    String missing = null;
    if (!onPath("node")) {
      missing = "node is not on the PATH";
    } else if (!Files.isDirectory(
        SCRIPTS.resolve("node_modules").resolve("@bitrix24").resolve("b24jssdk"))) {
      missing = "the npm package is not installed: run `npm ci` in bootstrap/src/test/js";
    }
    if (missing == null) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("JS SDK test cannot run in CI: " + missing);
    }
    System.err.println("[JsSdkOverHttpsTest] skipped: " + missing);
    Assumptions.abort(missing);
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && List.of(path.split(java.io.File.pathSeparator)).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
