package dev.imbot.adapter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.delivery.AttemptResult;
import dev.imbot.domain.delivery.Cidr;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.NetworkGuard;
import dev.imbot.domain.delivery.SigningKeys;
import dev.imbot.domain.delivery.SigningSecret;
import dev.imbot.domain.delivery.WebhookRequest;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NettyWebhookSenderTest {
  static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
  static final NetworkGuard LOCAL = new NetworkGuard(List.of(Cidr.parse("127.0.0.0/8")));
  static final SigningSecret SECRET = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

  static final List<NettyWebhookSender> SENDERS = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterAll
  static void stop() {
    SENDERS.forEach(NettyWebhookSender::close);
    EXECUTOR.shutdownNow();
  }

  static NettyWebhookSender sender(NetworkGuard guard, HostResolver resolver, Duration attempt) {
    NettyWebhookSender sender =
        new NettyWebhookSender(guard, resolver, Duration.ofSeconds(5), attempt, EXECUTOR);
    SENDERS.add(sender);
    return sender;
  }

  static NettyWebhookSender localSender() {
    return sender(LOCAL, HostResolver.system(), Duration.ofSeconds(15));
  }

  static final EventData DATA =
      EventData.builder().put("BOT_ID", "42").put("BOT_CODE", "echo bot/ü&=").build();
  static final EventData AUTH = EventData.builder().put("domain", "bots.example.com").build();

  static DueDelivery delivery(String url) {
    return new DueDelivery(
        7, "local.app.1", "ONIMBOTDELETE", 3, url, DATA, AuthSubjects.none(), 0, NOW);
  }

  static WebhookRequest request(String url) {
    return WebhookRequest.render(
        delivery(url), DATA, AUTH, 1, NOW, SigningKeys.of(SECRET), "imbot-registry/test");
  }

  static AttemptResult send(NettyWebhookSender sender, String url) throws Exception {
    return sender.send(request(url)).get(30, TimeUnit.SECONDS);
  }

  @Test
  void givenHandler_send_bodyIsPhpFormEncodingByteExactAndHeadersAreStandardWebhooks()
      throws Exception {
    try (HandlerServer handler = HandlerServer.ok()) {
      AttemptResult result = send(localSender(), handler.url("/bot/handler.php?x=1"));

      assertThat(result).isInstanceOf(AttemptResult.Answered.class);
      assertThat(((AttemptResult.Answered) result).status()).isEqualTo(200);
      HandlerServer.Received request = handler.received().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/bot/handler.php?x=1");
      assertThat(request.bodyText())
          .isEqualTo(
              "event=ONIMBOTDELETE&event_handler_id=3&data%5BBOT_ID%5D=42"
                  + "&data%5BBOT_CODE%5D=echo+bot%2F%C3%BC%26%3D&ts=1796379330"
                  + "&auth%5Bdomain%5D=bots.example.com");
      assertThat(request.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
      assertThat(request.header("webhook-id")).isEqualTo("7");
      assertThat(request.header("webhook-timestamp")).isEqualTo("1796379330");
      assertThat(request.header("webhook-signature")).startsWith("v1,");
      assertThat(request.header("x-imbot-attempt")).isEqualTo("1");
      assertThat(request.header("user-agent")).isEqualTo("imbot-registry/test");
      assertThat(request.header("host")).isEqualTo("127.0.0.1:" + handler.port());
    }
  }

  @Test
  void givenBodySent_phpParseStr_readsEveryValueAsTheStringItWas() throws Exception {
    try (HandlerServer handler = HandlerServer.ok()) {
      send(localSender(), handler.url("/"));
      String body = handler.received().get(0).bodyText();

      String json =
          Php.run(
              "parse_str(stream_get_contents(STDIN), $r); echo json_encode($r,"
                  + " JSON_UNESCAPED_UNICODE|JSON_UNESCAPED_SLASHES);",
              body);

      assertThat(json)
          .isEqualTo(
              "{\"event\":\"ONIMBOTDELETE\",\"event_handler_id\":\"3\","
                  + "\"data\":{\"BOT_ID\":\"42\",\"BOT_CODE\":\"echo bot/ü&=\"},"
                  + "\"ts\":\"1796379330\",\"auth\":{\"domain\":\"bots.example.com\"}}");
    }
  }

  @Test
  void givenSignedDelivery_phpHashHmac_verifiesTheSignatureOverIdTimestampAndBody()
      throws Exception {
    try (HandlerServer handler = HandlerServer.ok()) {
      send(localSender(), handler.url("/"));
      HandlerServer.Received request = handler.received().get(0);
      String input =
          request.header("webhook-id")
              + "\n"
              + request.header("webhook-timestamp")
              + "\n"
              + request.header("webhook-signature")
              + "\n"
              + request.bodyText();

      // What a handler writes from the Standard Webhooks specification, in PHP.
      String verdict =
          Php.run(
              "[$id, $ts, $sig, $body] = explode(\"\\n\", stream_get_contents(STDIN), 4);"
                  + "$key = base64_decode(substr('"
                  + SECRET.text()
                  + "', 6));"
                  + "$expected = 'v1,' . base64_encode(hash_hmac('sha256', \"$id.$ts.$body\","
                  + " $key, true));"
                  + "$ok = false; foreach (explode(' ', $sig) as $s) { $ok = $ok ||"
                  + " hash_equals($expected, $s); }"
                  + "echo $ok ? 'valid' : 'invalid';",
              input);

      assertThat(verdict).isEqualTo("valid");
    }
  }

  @Test
  void givenRedirect_send_isNotFollowedAndCountsAsAnAnswerThatFailed() throws Exception {
    try (HandlerServer target = HandlerServer.ok();
        HandlerServer redirecting =
            HandlerServer.answering(
                call ->
                    new HandlerServer.Answer(
                        302, Map.of("Location", target.url("/")), "", Duration.ZERO))) {
      AttemptResult result = send(localSender(), redirecting.url("/"));

      assertThat(((AttemptResult.Answered) result).status()).isEqualTo(302);
      assertThat(result.cause()).isEqualTo("HTTP 302 (redirects are not followed)");
      assertThat(target.calls()).isZero();
    }
  }

  @Test
  void givenBlackHoledHandler_send_failsWithTimeoutAfterTheAttemptTimeout() throws Exception {
    try (HandlerServer handler = HandlerServer.blackHole()) {
      long started = System.nanoTime();
      AttemptResult result =
          send(sender(LOCAL, HostResolver.system(), Duration.ofMillis(300)), handler.url("/"));

      assertThat(result.cause()).isEqualTo("timeout after 300 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void givenNothingListening_send_failsWithConnectionRefused() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AttemptResult result = send(localSender(), "http://127.0.0.1:" + port + "/");

    assertThat(result).isInstanceOf(AttemptResult.Failed.class);
    assertThat(result.cause()).isEqualTo("connection refused");
  }

  @Test
  void givenLargeResponse_send_keepsItsFirstKibibyte() throws Exception {
    try (HandlerServer handler =
        HandlerServer.answering(
            call -> new HandlerServer.Answer(500, Map.of(), "x".repeat(5000), Duration.ZERO))) {
      AttemptResult result = send(localSender(), handler.url("/"));

      assertThat(((AttemptResult.Answered) result).responseStart()).isEqualTo("x".repeat(1024));
    }
  }

  @Test
  void givenRetryAfterSeconds_send_reportsTheDelay() throws Exception {
    try (HandlerServer handler =
        HandlerServer.answering(
            call ->
                new HandlerServer.Answer(503, Map.of("Retry-After", "120"), "", Duration.ZERO))) {
      AttemptResult result = send(localSender(), handler.url("/"));

      assertThat(((AttemptResult.Answered) result).retryAfter()).contains(Duration.ofMinutes(2));
    }
  }

  @Test
  void givenHandlerOnLoopback_sendWithDefaultGuard_isBlockedAndNothingIsSent() throws Exception {
    try (HandlerServer handler = HandlerServer.ok()) {
      AttemptResult result =
          send(
              sender(NetworkGuard.strict(), HostResolver.system(), Duration.ofSeconds(5)),
              handler.url("/"));

      assertThat(result).isInstanceOf(AttemptResult.Blocked.class);
      assertThat(result.cause()).isEqualTo("blocked: 127.0.0.1 is a loopback address");
      assertThat(handler.calls()).isZero();
    }
  }

  @Test
  void givenNameResolvingToPrivateAddress_send_isBlocked() throws Exception {
    HostResolver resolver =
        host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5"));

    AttemptResult result =
        send(
            sender(NetworkGuard.strict(), resolver, Duration.ofSeconds(5)),
            "http://bots.example.com/handler");

    assertThat(result.cause()).isEqualTo("blocked: 10.0.0.5 is a private address");
  }

  @Test
  void givenAllowedName_send_connectsToTheCheckedAddressAndKeepsTheNameInHost() throws Exception {
    try (HandlerServer handler = HandlerServer.ok()) {
      int[] lookups = {0};
      HostResolver resolver =
          host -> {
            lookups[0]++;
            return List.of(InetAddress.getByName("127.0.0.1"));
          };

      AttemptResult result =
          send(
              sender(LOCAL, resolver, Duration.ofSeconds(5)),
              "http://handler.bots.test:" + handler.port() + "/hook");

      assertThat(result.cause()).isNull();
      assertThat(lookups[0]).isEqualTo(1);
      assertThat(handler.received().get(0).header("host"))
          .isEqualTo("handler.bots.test:" + handler.port());
    }
  }

  /**
   * A kept connection carries the next attempt; one the handler dropped after answering is
   * replaced; one it drops on the next request, before answering (its idle timeout racing the
   * attempt), costs that attempt nothing: it is made again at once on a new connection.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"KEEPS, 1", "CLOSES_AFTER_ANSWER, 2", "CLOSES_ON_NEXT_REQUEST, 2"})
  void givenHandlerThatKeepsOrDropsConnections_sendTwice_bothAnsweredOnAsFewConnectionsAsItAllows(
      RawHandler.Behaviour behaviour, int connections) throws Exception {
    try (RawHandler handler = new RawHandler(behaviour)) {
      NettyWebhookSender sender = localSender();

      AttemptResult first = send(sender, handler.url());
      AttemptResult second = send(sender, handler.url());

      assertThat(first.cause()).isNull();
      assertThat(second.cause()).isNull();
      assertThat(handler.requests()).isEqualTo(2);
      assertThat(handler.connections()).isEqualTo(connections);
    }
  }

  @Test
  void givenAnswerThatIsNotHttp_send_failsAndDropsTheConnection() throws Exception {
    try (RawHandler handler = new RawHandler(RawHandler.Behaviour.ANSWERS_NOT_HTTP)) {
      NettyWebhookSender sender = localSender();

      AttemptResult result = send(sender, handler.url());

      assertThat(result).isInstanceOf(AttemptResult.Failed.class);
      assertThat(result.cause()).startsWith("connection failed: not an HTTP answer");
    }
  }

  @Test
  void givenAttemptInFlight_close_endsItAtOnce() throws Exception {
    try (HandlerServer handler = HandlerServer.blackHole()) {
      NettyWebhookSender sender = localSender();
      java.util.concurrent.CompletableFuture<AttemptResult> running =
          sender.send(request(handler.url("/")));
      org.awaitility.Awaitility.await().until(() -> handler.calls() == 1);

      sender.close();

      // Ended by the stop or by its connection closing with it, whichever is first: not left.
      AttemptResult result = running.get(5, TimeUnit.SECONDS);
      assertThat(result).isInstanceOf(AttemptResult.Failed.class);
      assertThat(result.cause()).startsWith("connection failed: ");
    }
  }

  @Test
  void givenStoppedSender_send_failsWithoutSending() throws Exception {
    try (HandlerServer handler = HandlerServer.ok()) {
      NettyWebhookSender sender = localSender();
      sender.close();

      AttemptResult result = send(sender, handler.url("/"));

      assertThat(result.cause()).isEqualTo("not sent: the service is stopping");
      assertThat(handler.calls()).isZero();
    }
  }

  @Test
  void
      givenHttpsHandlerWithCertificateForItsName_send_connectsToTheCheckedAddressAndVerifiesTheName()
          throws Exception {
    try (TlsHandler handler = TlsHandler.forName("handler.bots.test")) {
      HostResolver resolver = host -> List.of(InetAddress.getByName("127.0.0.1"));
      NettyWebhookSender sender =
          new NettyWebhookSender(
              LOCAL,
              resolver,
              Duration.ofSeconds(5),
              Duration.ofSeconds(15),
              EXECUTOR,
              handler.trust());
      SENDERS.add(sender);

      AttemptResult byName = send(sender, "https://handler.bots.test:" + handler.port() + "/hook");
      AttemptResult byOtherName =
          send(sender, "https://other.bots.test:" + handler.port() + "/hook");

      assertThat(byName.cause()).isNull();
      assertThat(((AttemptResult.Answered) byName).status()).isEqualTo(200);
      assertThat(handler.calls()).isEqualTo(1);
      assertThat(byOtherName.cause()).startsWith("TLS: ");
    }
  }

  @Test
  void givenHttpsHandlerTheJvmDoesNotTrust_send_failsTheTlsCheck() throws Exception {
    try (TlsHandler handler = TlsHandler.forName("localhost")) {
      AttemptResult result = send(localSender(), "https://127.0.0.1:" + handler.port() + "/hook");

      assertThat(result).isInstanceOf(AttemptResult.Failed.class);
      assertThat(result.cause()).startsWith("TLS: ");
    }
  }

  /** An https handler (the JDK's HttpsServer) with a self-signed certificate made by keytool. */
  static final class TlsHandler implements AutoCloseable {
    private final java.nio.file.Path dir;
    private final com.sun.net.httpserver.HttpsServer https;
    private final java.util.concurrent.atomic.AtomicInteger calls;

    private TlsHandler(
        java.nio.file.Path dir,
        com.sun.net.httpserver.HttpsServer https,
        java.util.concurrent.atomic.AtomicInteger calls) {
      this.dir = dir;
      this.https = https;
      this.calls = calls;
    }

    int calls() {
      return calls.get();
    }

    static TlsHandler forName(String name) throws Exception {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tls-handler");
      java.nio.file.Path store = dir.resolve("handler.p12");
      keytool(
          "-genkeypair",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-alias",
          "handler",
          "-dname",
          "CN=" + name,
          "-ext",
          "SAN=dns:" + name,
          "-validity",
          "2",
          "-keystore",
          store.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          "changeit");
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "handler",
          "-keystore",
          store.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          "changeit",
          "-file",
          dir.resolve("handler.pem").toString());
      java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
      try (java.io.InputStream in = java.nio.file.Files.newInputStream(store)) {
        keys.load(in, "changeit".toCharArray());
      }
      javax.net.ssl.KeyManagerFactory managers =
          javax.net.ssl.KeyManagerFactory.getInstance(
              javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, "changeit".toCharArray());
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      com.sun.net.httpserver.HttpsServer https =
          com.sun.net.httpserver.HttpsServer.create(
              new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(context));
      java.util.concurrent.atomic.AtomicInteger calls =
          new java.util.concurrent.atomic.AtomicInteger();
      https.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      https.start();
      return new TlsHandler(dir, https, calls);
    }

    private static void keytool(String... arguments) throws Exception {
      List<String> command = new java.util.ArrayList<>();
      command.add(
          java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      command.addAll(List.of(arguments));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    }

    int port() {
      return https.getAddress().getPort();
    }

    io.netty.handler.ssl.SslContext trust() throws Exception {
      return io.netty.handler.ssl.SslContextBuilder.forClient()
          .trustManager(dir.resolve("handler.pem").toFile())
          .build();
    }

    @Override
    public void close() throws Exception {
      https.stop(0);
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
        for (java.nio.file.Path file : files.toList()) {
          java.nio.file.Files.delete(file);
        }
      }
      java.nio.file.Files.delete(dir);
    }
  }

  /**
   * A handler on a bare socket that answers requests 200 with keep-alive (never saying {@code
   * Connection: close}) and counts its connections and the requests it answered; it may drop each
   * connection just after answering, or when the next request comes, unanswered.
   */
  static final class RawHandler implements AutoCloseable {
    enum Behaviour {
      KEEPS,
      CLOSES_AFTER_ANSWER,
      CLOSES_ON_NEXT_REQUEST,
      ANSWERS_NOT_HTTP
    }

    private final java.net.ServerSocket server;
    private final Behaviour behaviour;
    private final java.util.concurrent.atomic.AtomicInteger connections =
        new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger requests =
        new java.util.concurrent.atomic.AtomicInteger();

    RawHandler(Behaviour behaviour) throws java.io.IOException {
      this.behaviour = behaviour;
      this.server = new java.net.ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      Thread acceptor = new Thread(this::accept, "raw-handler");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
    }

    int connections() {
      return connections.get();
    }

    int requests() {
      return requests.get();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          java.net.Socket socket = server.accept();
          connections.incrementAndGet();
          Thread serving = new Thread(() -> serve(socket), "raw-handler-connection");
          serving.setDaemon(true);
          serving.start();
        } catch (java.io.IOException e) {
          return;
        }
      }
    }

    private void serve(java.net.Socket socket) {
      try (socket) {
        java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
        int answered = 0;
        while (true) {
          int length = -1;
          StringBuilder line = new StringBuilder();
          boolean any = false;
          while (true) {
            int b = in.read();
            if (b < 0) {
              return;
            }
            any = true;
            if (b == '\n') {
              String header = line.toString().strip();
              if (header.isEmpty()) {
                break;
              }
              if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
              }
              line.setLength(0);
            } else {
              line.append((char) b);
            }
          }
          if (!any) {
            return;
          }
          in.readNBytes(Math.max(length, 0));
          if (answered > 0 && behaviour == Behaviour.CLOSES_ON_NEXT_REQUEST) {
            return;
          }
          answered++;
          requests.incrementAndGet();
          socket
              .getOutputStream()
              .write(
                  (behaviour == Behaviour.ANSWERS_NOT_HTTP
                          ? "HTTP/1.1 2x0 Odd\r\nContent-Length: 2\r\n\r\nok"
                          : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                      .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          if (behaviour == Behaviour.CLOSES_AFTER_ANSWER) {
            return;
          }
        }
      } catch (java.io.IOException e) {
        // The client went away.
      }
    }

    @Override
    public void close() throws java.io.IOException {
      server.close();
    }
  }
}
