package dev.imbot.bootstrap;

import java.util.List;

/**
 * Loads, on a thread of its own while the service starts, the flight-recorder event classes the
 * first requests load on their way: the HTTP server's request event, the buffer allocator's events
 * and the statement library's. The first such class makes the JVM set up the recorder's metadata
 * (50-110 ms), and each one a handler class of its own, whether anything records or not; done here,
 * the first requests find them done (decision 173).
 */
final class FlightRecorderWarmUp {
  /** Netty's, Micronaut's and Jdbi's event classes, in the order the first requests load them. */
  static final List<String> EVENT_CLASSES =
      List.of(
          "io.netty.buffer.AllocateChunkEvent",
          "io.netty.buffer.AllocateBufferEvent",
          "io.netty.buffer.FreeBufferEvent",
          "io.micronaut.http.server.netty.handler.Http1RequestEvent",
          "org.jdbi.v3.core.statement.JdbiStatementEvent");

  private FlightRecorderWarmUp() {}

  /** Starts the loading; the thread ends when it is done and never holds the JVM up. */
  static Thread start() {
    Thread thread =
        new Thread(
            () -> {
              ClassLoader loader = FlightRecorderWarmUp.class.getClassLoader();
              for (String name : EVENT_CLASSES) {
                try {
                  Class.forName(name, true, loader);
                } catch (ClassNotFoundException e) {
                  // a library that renamed its event: the others still count
                } catch (LinkageError e) {
                  return; // a runtime without the recorder
                }
              }
            },
            "imbot-warm-up");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
