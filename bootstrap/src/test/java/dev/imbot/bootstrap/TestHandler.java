package dev.imbot.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: a bot's event handler on 127.0.0.1 that answers 200 (or the status a test sets)
 * after {@code delay}, keeps every request, and counts attempts of one delivery ({@code
 * webhook-id}) that overlapped.
 */
final class TestHandler implements AutoCloseable {
  /** One request: its headers (lower-case names), body and path. */
  record Request(Map<String, String> headers, String body, String path) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final AtomicInteger status = new AtomicInteger(200);
  private final java.util.concurrent.atomic.AtomicReference<Duration> delay;

  TestHandler(Duration delay) throws IOException {
    this.delay = new java.util.concurrent.atomic.AtomicReference<>(delay);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext(
        "/",
        exchange -> {
          Map<String, String> headers = new java.util.TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
          String id = headers.getOrDefault("webhook-id", "");
          AtomicInteger running = inFlight.computeIfAbsent(id, k -> new AtomicInteger());
          if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          try {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Duration wait = this.delay.get();
            if (!wait.isZero()) {
              Thread.sleep(wait.toMillis());
            }
            requests.add(new Request(headers, body, exchange.getRequestURI().getPath()));
            int answer = status.get();
            if (answer == 200) {
              exchange.sendResponseHeaders(200, -1);
            } else {
              byte[] text = ("failing with " + answer).getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(answer, text.length);
              exchange.getResponseBody().write(text);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            running.decrementAndGet();
            exchange.close();
          }
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers {@code answer} from now on (with a short text body unless it is 200). */
  TestHandler answering(int answer) {
    status.set(answer);
    return this;
  }

  /** Answers after {@code wait} from now on. */
  TestHandler delaying(Duration wait) {
    delay.set(wait);
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Attempts that started while another attempt of the same delivery was running. */
  int overlaps() {
    return overlaps.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
