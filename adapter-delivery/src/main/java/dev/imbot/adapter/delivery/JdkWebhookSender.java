package dev.imbot.adapter.delivery;

import dev.imbot.application.port.out.delivery.WebhookSender;
import dev.imbot.domain.delivery.AttemptResult;
import dev.imbot.domain.delivery.NetworkGuard;
import dev.imbot.domain.delivery.WebhookRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * HTTP adapter: sends attempts with the JDK's non-blocking {@link HttpClient}. Resolves the host
 * first and lets the {@link NetworkGuard} judge every address; a plain {@code http} attempt then
 * connects to the very address that was checked (the URL's host replaced by it, the name kept in
 * {@code Host}), so a second lookup cannot rebind the name to an internal address. Redirects are
 * not followed; the connect and whole-attempt timeouts are enforced here.
 */
public final class JdkWebhookSender implements WebhookSender {
  static {
    // The JDK refuses a caller's Host header unless this is set before its HTTP client loads; the
    // sender needs it to connect to the checked address while naming the handler's host.
    String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
    if (!allowed.toLowerCase(java.util.Locale.ROOT).contains("host")) {
      System.setProperty(
          "jdk.httpclient.allowRestrictedHeaders", allowed.isEmpty() ? "host" : allowed + ",host");
    }
  }

  // Built by the first attempt: building it sets up TLS and reads the trust store (some 250
  // classes and a few hundred milliseconds), which a start that delivers nothing does not need.
  private volatile HttpClient client;
  private final NetworkGuard guard;
  private final HostResolver resolver;
  private final Duration connectTimeout;
  private final Duration attemptTimeout;
  private final Executor executor;

  public JdkWebhookSender(
      NetworkGuard guard,
      HostResolver resolver,
      Duration connectTimeout,
      Duration attemptTimeout,
      Executor executor) {
    this.guard = guard;
    this.resolver = resolver;
    this.connectTimeout = connectTimeout;
    this.attemptTimeout = attemptTimeout;
    this.executor = executor;
    try {
      HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "probe");
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the JDK HTTP client was loaded before the delivery sender could allow the Host header;"
              + " start the JVM with -Djdk.httpclient.allowRestrictedHeaders=host",
          e);
    }
  }

  private HttpClient client() {
    HttpClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .connectTimeout(connectTimeout)
                  .executor(executor)
                  .build();
          client = built;
        }
      }
    }
    return built;
  }

  @Override
  public CompletableFuture<AttemptResult> send(WebhookRequest request) {
    long started = System.nanoTime();
    return CompletableFuture.supplyAsync(() -> prepare(request), executor)
        .thenCompose(
            prepared -> {
              if (prepared.blocked != null) {
                return CompletableFuture.completedFuture(
                    (AttemptResult) new AttemptResult.Blocked(prepared.blocked, since(started)));
              }
              CompletableFuture<HttpResponse<String>> exchange =
                  client()
                      .sendAsync(
                          prepared.request,
                          info -> new FirstBytes(AttemptResult.MAX_RESPONSE_CHARS));
              return exchange
                  .orTimeout(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS)
                  .handle(
                      (response, failure) -> {
                        if (failure != null) {
                          exchange.cancel(true);
                          return (AttemptResult)
                              new AttemptResult.Failed(cause(failure), since(started));
                        }
                        return new AttemptResult.Answered(
                            response.statusCode(),
                            response.body(),
                            retryAfter(response),
                            since(started));
                      });
            })
        .exceptionally(failure -> new AttemptResult.Failed(cause(failure), since(started)));
  }

  private record Prepared(HttpRequest request, String blocked) {}

  private Prepared prepare(WebhookRequest request) {
    URI uri = URI.create(request.url());
    String host = uri.getHost();
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new CompletionException(e);
    }
    Optional<String> refusal = guard.refusal(addresses);
    if (refusal.isPresent()) {
      return new Prepared(null, refusal.get());
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target(uri, addresses.get(0)))
            .timeout(attemptTimeout)
            .header("Content-Type", WebhookRequest.CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      builder.header("Host", uri.getPort() == -1 ? host : host + ":" + uri.getPort());
    }
    request.headers().forEach(builder::header);
    builder.header(
        "webhook-signature",
        StandardWebhooksSignature.header(
            request.signers(), request.webhookId(), request.timestamp(), request.body()));
    return new Prepared(builder.build(), null);
  }

  /**
   * Where to connect: for {@code http}, the URL with its host replaced by the checked address. An
   * {@code https} URL keeps its name, since the certificate must match it; a rebinding to an
   * internal address then fails the certificate check (see docs/decisions.md).
   */
  private static URI target(URI uri, InetAddress address) {
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      return uri;
    }
    String literal =
        address instanceof Inet6Address
            ? "[" + address.getHostAddress() + "]"
            : address.getHostAddress();
    String rawPath =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return URI.create(
        uri.getScheme()
            + "://"
            + literal
            + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
            + rawPath
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  private String cause(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof HttpConnectTimeoutException) {
      return "connect timeout after " + seconds(connectTimeout);
    }
    if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
      return "timeout after " + seconds(attemptTimeout);
    }
    if (t instanceof UnknownHostException) {
      return "unknown host " + t.getMessage();
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    if (t instanceof SSLException) {
      return "TLS: " + t.getMessage();
    }
    if (t instanceof IOException) {
      String message = t.getMessage();
      return message == null ? "connection failed" : "connection failed: " + message;
    }
    return "failed: " + t;
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** {@code Retry-After} in seconds or as an HTTP date; absent or unreadable: empty. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return until.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(until);
      } catch (RuntimeException notADate) {
        return Optional.empty();
      }
    }
  }
}
