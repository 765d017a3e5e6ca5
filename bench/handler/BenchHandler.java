import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/run's event handler and message client, run with the JDK's single-file launcher (no
 * build): {@code java bench/handler/BenchHandler.java <mode> ...}.
 *
 * <pre>
 *   handler HOST PORT [WEBHOOK_BASE CLIENT_ID]
 *       answers every POST 200 at once; counts ONIMBOTMESSAGEADD events; a message text
 *       "b<epoch µs>" gives the latency from that moment to receipt. With WEBHOOK_BASE it first
 *       answers the message with imbot.message.add (CLIENT_ID, BOT_ID, DIALOG_ID) through that
 *       webhook and records the round trip up to the stored answer. GET /stats: one line of
 *       figures; POST /reset: clears them; GET /sample: the last event body as received.
 *   blackhole HOST PORT
 *       accepts connections and never answers.
 *   post URL DIALOGS COUNT CONCURRENCY
 *       posts COUNT im.message.add (form-encoded), DIALOG_ID round-robin over the comma-separated
 *       DIALOGS, as fast as CONCURRENCY requests in flight allow; prints "sent=N errors=M".
 * </pre>
 */
public class BenchHandler {
  static final AtomicLong messages = new AtomicLong();
  static final AtomicLong others = new AtomicLong();
  static final AtomicLong answerErrors = new AtomicLong();
  static volatile long firstMicros, lastMicros;
  static final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<Long> roundTrips = new ConcurrentLinkedQueue<>();
  static volatile String sample = "";

  // Made on first use: NettyHandler keeps its figures in this class and never sends.
  static final class Client {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "handler" -> handler(args);
      case "blackhole" -> blackhole(args);
      case "post" -> post(args);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static long micros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) continue;
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static void handler(String[] args) throws IOException {
    String webhook = args.length > 3 ? args[3] : null;
    String clientId = args.length > 4 ? args[4] : null;
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2])), 1024);
    server.setExecutor(Executors.newFixedThreadPool(webhook == null ? 8 : 64));
    server.createContext(
        "/",
        exchange -> {
          try {
            byte[] answer = handle(exchange, webhook, clientId).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
              }
            }
          } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
    System.out.println("ready");
  }

  static String handle(HttpExchange exchange, String webhook, String clientId) throws Exception {
    String path = exchange.getRequestURI().getPath();
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    if ("GET".equals(exchange.getRequestMethod())) {
      return switch (path) {
        case "/stats" -> stats();
        case "/sample" -> sample;
        default -> "";
      };
    }
    if ("/reset".equals(path)) {
      reset();
      return "";
    }
    String body = new String(raw, StandardCharsets.UTF_8);
    if (!body.startsWith("event=ONIMBOTMESSAGEADD&")) {
      if (!body.startsWith("BENCH")) others.incrementAndGet();
      return "";
    }
    long now = micros();
    Map<String, String> event = form(body);
    String text = event.getOrDefault("data[PARAMS][MESSAGE]", "");
    long sent = text.startsWith("b") ? parse(text.substring(1)) : -1;
    if (webhook != null) {
      String botId =
          event.entrySet().stream()
              .filter(e -> e.getKey().matches("data\\[BOT]\\[\\d+]\\[BOT_ID]"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse("");
      String answer =
          "CLIENT_ID=" + enc(clientId) + "&BOT_ID=" + enc(botId)
              + "&DIALOG_ID=" + enc(event.getOrDefault("data[PARAMS][DIALOG_ID]", ""))
              + "&MESSAGE=" + enc("re " + text);
      HttpResponse<String> response =
          Client.INSTANCE.send(
              HttpRequest.newBuilder(URI.create(webhook + "imbot.message.add"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(answer))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2 || !response.body().contains("\"result\":")) {
        if (answerErrors.incrementAndGet() <= 3) System.err.println(response.body());
      } else if (sent > 0) {
        roundTrips.add(micros() - sent);
      }
    }
    received(body, now, sent);
    return "";
  }

  /** Clears the figures (POST /reset). */
  static void reset() {
    messages.set(0);
    others.set(0);
    answerErrors.set(0);
    firstMicros = lastMicros = 0;
    latencies.clear();
    roundTrips.clear();
  }

  /**
   * Counts a message event received at {@code now} (µs); {@code sent} is when it was due to be
   * sent (-1: not a timed message). Counted last, once any answer is stored: a count that reaches
   * what a run waits for has every figure in.
   */
  static void received(String body, long now, long sent) {
    sample = body;
    if (sent > 0) latencies.add(now - sent);
    synchronized (BenchHandler.class) {
      if (firstMicros == 0) firstMicros = now;
      lastMicros = Math.max(lastMicros, now);
    }
    messages.incrementAndGet();
  }

  // Digits only, without an exception for other texts ("backlog 12"): a thrown exception per
  // request would be work no minimal handler does.
  static long parse(String digits) {
    if (digits.isEmpty() || digits.length() > 18) return -1;
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return -1;
    }
    return Long.parseLong(digits);
  }

  static String percentiles(String name, ConcurrentLinkedQueue<Long> values) {
    long[] v = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(v);
    if (v.length == 0) return " " + name + "_n=0 " + name + "_p50_ms=0 " + name + "_p99_ms=0";
    return String.format(
        " %s_n=%d %s_p50_ms=%.3f %s_p99_ms=%.3f",
        name, v.length, name, v[(int) (v.length * 0.5)] / 1000.0,
        name, v[Math.min(v.length - 1, (int) (v.length * 0.99))] / 1000.0);
  }

  static String stats() {
    return "messages=" + messages.get() + " others=" + others.get()
        + " answer_errors=" + answerErrors.get() + " first_us=" + firstMicros
        + " last_us=" + lastMicros + " now_us=" + micros()
        + percentiles("latency", latencies) + percentiles("roundtrip", roundTrips) + "\n";
  }

  static void blackhole(String[] args) throws IOException {
    ServerSocket server =
        new ServerSocket(Integer.parseInt(args[2]), 1024, InetAddress.getByName(args[1]));
    System.out.println("ready");
    List<Socket> held = new ArrayList<>();
    while (true) held.add(server.accept());
  }

  static HttpRequest message(URI uri, String dialog, String text) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "DIALOG_ID=" + enc(dialog) + "&MESSAGE=" + enc(text)))
        .build();
  }

  static void post(String[] args) throws Exception {
    URI uri = URI.create(args[1]);
    String[] dialogs = args[2].split(",");
    int count = Integer.parseInt(args[3]);
    Semaphore slots = new Semaphore(Integer.parseInt(args[4]));
    AtomicLong errors = new AtomicLong();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      Client.INSTANCE
          .sendAsync(message(uri, dialogs[i % dialogs.length], "backlog " + i),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                if (failure != null || response.statusCode() / 100 != 2) {
                  if (errors.incrementAndGet() <= 3)
                    System.err.println(failure != null ? failure : response.body());
                }
                slots.release();
              });
    }
    slots.acquire(Integer.parseInt(args[4]));
    System.out.println("sent=" + count + " errors=" + errors.get());
    System.exit(0);
  }
}
