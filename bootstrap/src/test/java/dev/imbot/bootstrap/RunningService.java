package dev.imbot.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Test support: the whole service in the test's JVM, with what {@link Application} starts
 * (application.yml, the wiring, the Netty server, the real persistence) on a random port, called
 * over real HTTP. Started through {@code ApplicationContext.run} rather than {@code
 * Micronaut.start}, which exits the JVM when startup fails. What it prints while starting is kept,
 * since the first-start webhook is shown there.
 */
final class RunningService implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The data folder of services that are given none: the self-signed certificate lives there. */
  private static final Path SHARED_DATA = Path.of("target", "running-service-data");

  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final ServedUrls urls;
  private final String startOutput;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningService(ApplicationContext context, String startOutput) {
    this.context = context;
    this.server = context.getBean(EmbeddedServer.class);
    this.urls = ServedUrls.of(server, context.findBean(HttpsSetup.class).orElse(null));
    this.startOutput = startOutput;
  }

  /** Starts the service on {@code database}, with {@code extra} configuration on top. */
  static RunningService start(ServiceDatabase database, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(database.properties());
    properties.put("micronaut.server.port", -1);
    // https is on by default: a free port of its own, not 8443, so services can run side by side.
    properties.put("micronaut.server.ssl.port", freePort());
    properties.put("imbot.data-dir", SHARED_DATA.toAbsolutePath().toString());
    properties.putAll(extra);
    try (StdoutCapture stdout = StdoutCapture.start()) {
      ApplicationContext context =
          ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
      return new RunningService(context, stdout.text());
    }
  }

  static RunningService start(ServiceDatabase database) {
    return start(database, Map.of());
  }

  /** What the service printed while starting. */
  String startOutput() {
    return startOutput;
  }

  /** The first-start webhook printed while starting, if one was. */
  Optional<FirstStartLine> firstStartLine() {
    return FirstStartLine.find(startOutput);
  }

  /** The http port. */
  int port() {
    return URI.create(urls.http()).getPort();
  }

  /** {@code http://127.0.0.1:<port>} */
  String baseUrl() {
    return urls.http();
  }

  /** {@code https://127.0.0.1:<port>}, while https is enabled. */
  Optional<String> httpsBaseUrl() {
    return urls.https();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  ApplicationContext context() {
    return context;
  }

  Answer get(String pathAndQuery) {
    return getUrl(baseUrl() + pathAndQuery);
  }

  /** A GET of an absolute URL, such as the printed first-start webhook's. */
  Answer getUrl(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  /** A form post, as CRest sends it. */
  Answer postForm(String path, String form) {
    return postFormUrl(baseUrl() + path, form);
  }

  /** A form post to an absolute URL. */
  Answer postFormUrl(String url, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  Answer postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A call of the admin API with the bearer token. */
  Answer admin(String method, String path, String json, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/admin/v1" + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return send(request);
  }

  private URI uri(String pathAndQuery) {
    return URI.create(baseUrl() + pathAndQuery);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return Answer.of(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server and the context (gracefully, as configured). */
  @Override
  public void close() {
    if (context.isRunning()) {
      context.close();
    }
  }
}
