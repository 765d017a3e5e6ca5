package dev.imbot.adapter.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Test support: a real HTTP handler on 127.0.0.1 that records every request and answers as told
 * (200; fail the first N; slowly; a status with headers), or a black hole that accepts connections
 * and never answers.
 */
final class HandlerServer implements AutoCloseable {

  /** One request as the handler saw it. */
  record Received(
      String method, String path, Map<String, String> headers, byte[] body, long receivedNanos) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** An answer: status, headers, body. */
  record Answer(int status, Map<String, String> headers, String body, Duration delay) {
    static Answer status(int status) {
      return new Answer(status, Map.of(), "", Duration.ZERO);
    }
  }

  private final HttpServer server;
  private final ServerSocket blackHole;
  private final List<Socket> swallowed = new CopyOnWriteArrayList<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  private HandlerServer(IntFunction<Answer> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          int call = calls.incrementAndGet();
          record(exchange);
          answer(exchange, answers.apply(call));
        });
    server.start();
    blackHole = null;
  }

  private HandlerServer() throws IOException {
    server = null;
    blackHole = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
    Thread acceptor =
        new Thread(
            () -> {
              while (!blackHole.isClosed()) {
                try {
                  swallowed.add(blackHole.accept());
                  calls.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "black-hole");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Answers {@code 200 OK} to everything. */
  static HandlerServer ok() throws IOException {
    return new HandlerServer(call -> Answer.status(200));
  }

  /** Answers {@code 500} to the first {@code n} calls, then {@code 200}. */
  static HandlerServer failingFirst(int n) throws IOException {
    return new HandlerServer(call -> Answer.status(call <= n ? 500 : 200));
  }

  /** Answers {@code 200} after {@code delay}. */
  static HandlerServer slow(Duration delay) throws IOException {
    return new HandlerServer(call -> new Answer(200, Map.of(), "", delay));
  }

  /** Answers as {@code answers} says for each call (numbered from 1). */
  static HandlerServer answering(IntFunction<Answer> answers) throws IOException {
    return new HandlerServer(answers);
  }

  /** Accepts connections and never answers. */
  static HandlerServer blackHole() throws IOException {
    return new HandlerServer();
  }

  int port() {
    return server != null ? server.getAddress().getPort() : blackHole.getLocalPort();
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  /** Requests (or, for a black hole, connections) so far. */
  int calls() {
    return calls.get();
  }

  private void record(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            headers,
            body,
            System.nanoTime()));
  }

  private static void answer(HttpExchange exchange, Answer answer) throws IOException {
    if (!answer.delay().isZero()) {
      try {
        Thread.sleep(answer.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.stop(0);
    }
    if (blackHole != null) {
      blackHole.close();
      for (Socket socket : swallowed) {
        socket.close();
      }
    }
  }
}
