package dev.imbot.bootstrap;

import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support: the local-app bot of {@code /local-app/handler.php}, written like Bitrix24's sample
 * bots, served by PHP's built-in server ({@code php -S}, four workers) on 127.0.0.1. It logs each
 * event it receives, with what it called back and got, as one JSON line. Outside CI a machine
 * without PHP skips the test; in CI it fails.
 */
final class PhpBot implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.createDefault();

  private final Process php;
  private final Path log;
  private final String url;

  private PhpBot(Process php, Path log, String url) {
    this.php = php;
    this.log = log;
    this.url = url;
  }

  static PhpBot start(Path directory) throws IOException {
    return start(directory, "/local-app/handler.php", Map.of());
  }

  /**
   * Serves the PHP script at the class-path resource {@code script} with {@code environment} added
   * to the server's environment.
   */
  static PhpBot start(Path directory, String script, Map<String, String> environment)
      throws IOException {
    Path docroot = Files.createDirectories(directory.resolve("handler"));
    String name = script.substring(script.lastIndexOf('/') + 1);
    try (var source = PhpBot.class.getResourceAsStream(script)) {
      Files.copy(source, docroot.resolve(name));
    }
    Path log = directory.resolve("handler.log");
    int port = RunningService.freePort();
    ProcessBuilder builder =
        new ProcessBuilder("php", "-S", "127.0.0.1:" + port, "-t", docroot.toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("php.out").toFile());
    builder.environment().put("HANDLER_LOG", log.toString());
    builder.environment().put("PHP_CLI_SERVER_WORKERS", "4");
    builder.environment().putAll(environment);
    Process php;
    try {
      php = builder.start();
    } catch (IOException noPhp) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("php-cli is required in CI (.ci/run installs it)", noPhp);
      }
      Assumptions.abort("php-cli is not installed");
      throw noPhp;
    }
    PhpBot bot = new PhpBot(php, log, "http://127.0.0.1:" + port + "/" + name);
    await().atMost(Duration.ofSeconds(10)).until(bot::reachable);
    return bot;
  }

  /** The handler's URL. */
  String url() {
    return url;
  }

  /** Every event the bot logged, in order: {@code event}, {@code webhook_id}, {@code request}… */
  List<Map<String, Object>> events() {
    if (!Files.exists(log)) {
      return List.of();
    }
    try {
      List<Map<String, Object>> events = new ArrayList<>();
      for (String line : Files.readAllLines(log)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = JSON.readValue(line, Map.class);
        events.add(event);
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The logged events named {@code name}. */
  List<Map<String, Object>> events(String name) {
    return events().stream().filter(e -> name.equals(e.get("event"))).toList();
  }

  /** Waits for the first logged event named {@code name}. */
  Map<String, Object> awaitEvent(String name) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !events(name).isEmpty());
    return events(name).get(0);
  }

  private boolean reachable() {
    try {
      HttpClient.newHttpClient()
          .send(
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

  @Override
  public void close() {
    // php -S may fork workers; stop them too so a finished test's bot answers nothing more.
    php.descendants().forEach(ProcessHandle::destroy);
    php.destroy();
  }
}
