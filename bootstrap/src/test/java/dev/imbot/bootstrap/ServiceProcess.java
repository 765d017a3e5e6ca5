package dev.imbot.bootstrap;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Test support: the fat jar run as operators run it, {@code java -jar imbot-registry.jar} in a
 * process of its own, configured by environment variables only, its output kept in a file. Waits
 * are bounded; {@link #close()} always ends the process.
 */
final class ServiceProcess implements AutoCloseable {
  /** How long a start or a stop may take before the test fails. */
  static final Duration LIMIT = Duration.ofSeconds(60);

  /** The inherited variables that would configure the service behind the test's back. */
  private static final List<String> FOREIGN_PREFIXES =
      List.of("DATASOURCES_", "IMBOT_", "MICRONAUT_", "FLYWAY_", "PORT", "HTTPS_PORT");

  private final Process process;
  private final Path output;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServiceProcess(Process process, Path output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /** The jar {@code mvn package} built (failsafe passes its path). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("imbot.jar", "target/imbot-registry.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn verify");
    }
    return jar;
  }

  /** How many times a start is tried when its port was taken before the jar bound it. */
  private static final int STARTS = 3;

  /**
   * Starts the jar in {@code workDirectory} on a free port ({@code PORT}) with {@code environment}
   * and waits until {@code /health} answers. A port found free may be taken before the jar binds it
   * (another test's outgoing connection gets it as its ephemeral port): such a start is tried again
   * on new ports.
   */
  static ServiceProcess start(Path workDirectory, Map<String, String> environment, String name)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(workDirectory, environment, name);
      } catch (AssertionError e) {
        if (attempt == STARTS || !String.valueOf(e.getMessage()).contains("already in use")) {
          throw e;
        }
      }
    }
  }

  private static ServiceProcess startOnce(
      Path workDirectory, Map<String, String> environment, String name)
      throws IOException, InterruptedException {
    Files.createDirectories(workDirectory);
    int port = freePort();
    Path output = workDirectory.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toAbsolutePath().toString())
            .directory(workDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(variable -> FOREIGN_PREFIXES.stream().anyMatch(variable::startsWith));
    if (!environment.containsKey("IMBOT_CLASS_DATA_DIR")) {
      // The class-data archive (decision 164) is the subject of its own test; elsewhere a start
      // would write one into the user's cache folder.
      builder.environment().put("IMBOT_CLASS_DATA", "off");
    }
    builder.environment().putAll(environment);
    builder.environment().put("PORT", Integer.toString(port));
    if (!environment.containsKey("HTTPS_PORT")) {
      // https is on by default: a free port of its own, not 8443.
      builder.environment().put("HTTPS_PORT", Integer.toString(freePort()));
    }
    ServiceProcess service = new ServiceProcess(builder.start(), output, port);
    try {
      service.awaitHealthy();
    } catch (RuntimeException | Error e) {
      service.close();
      throw e;
    }
    return service;
  }

  private void awaitHealthy() {
    try {
      await("an answer on /health")
          .atMost(LIMIT)
          .pollInterval(Duration.ofMillis(100))
          .ignoreException(UncheckedIOException.class) // not listening yet
          .until(this::healthy);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no answer on /health within " + LIMIT + ":\n" + output(), e);
    }
  }

  private boolean healthy() {
    if (!process.isAlive()) {
      throw new AssertionError(
          "the jar exited with " + process.exitValue() + " while starting:\n" + output());
    }
    return get("/health").status() == 200;
  }

  /**
   * The first-start line, once printed. It comes from a startup listener, which may still be
   * running when {@code /health} first answers, so this waits a little for it.
   */
  Optional<FirstStartLine> firstStartLine() {
    try {
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  FirstStartLine.find(output()).isPresent()
                      || output().contains("Startup completed"));
    } catch (ConditionTimeoutException e) {
      // answer with what was printed: a service that prints no line has none
    }
    return FirstStartLine.find(output());
  }

  /** Everything the process printed so far. */
  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** The id of the process the test started (a restart with the class data keeps it). */
  long pid() {
    return process.pid();
  }

  Answer get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET());
  }

  Answer postForm(String url, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  Answer getWithBearer(String pathAndQuery, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  /** A call of the admin API: {@code method} on {@code /admin/v1<path>} with a JSON body. */
  Answer admin(String method, String path, String json, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/v1" + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      return Answer.of(
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stops the process as an orchestrator does (SIGTERM) and waits for it to exit; returns its exit
   * status.
   */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the jar did not stop within " + LIMIT + " of SIGTERM");
    }
    return process.exitValue();
  }

  /** Ends the process whatever its state. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
