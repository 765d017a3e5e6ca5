package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: stopping the service (what SIGTERM does) lets a request in flight finish ({@code
 * micronaut.lifecycle.graceful-shutdown} in application.yml) while new connections are refused. The
 * request is held in flight by a row lock the test takes on the application's row.
 */
class GracefulShutdownTest {
  @TempDir Path temp;

  @Test
  void givenRegistrationInFlight_stop_answersItBeforeStopping() throws Exception {
    try (ServiceDatabase database = ServiceDatabase.h2File(temp);
        Connection lockHolder = database.connect();
        Connection observer = database.connect()) {
      RunningService service = RunningService.start(database);
      CompletableFuture<Void> stopping = null;
      ExecutorService threads = Executors.newCachedThreadPool();
      try {
        String webhook = service.firstStartLine().orElseThrow().path();
        long first = register(service, webhook, "first").botId();

        lockHolder.setAutoCommit(false);
        execute(
            lockHolder,
            "SELECT application_key FROM application WHERE application_key = 'customslow' FOR UPDATE");
        CompletableFuture<Answer> inFlight =
            CompletableFuture.supplyAsync(() -> register(service, webhook, "second"), threads);
        awaitBlockedSession(observer);

        stopping = CompletableFuture.runAsync(service::close, threads);
        awaitRefused(service);
        assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
        assertThat(inFlight).isNotDone();

        lockHolder.commit();

        Answer answer = inFlight.get(15, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.botId()).isGreaterThan(first);
        stopping.get(15, TimeUnit.SECONDS);
      } finally {
        if (stopping == null) {
          service.close();
        }
        threads.shutdownNow();
      }
    }
  }

  private static Answer register(RunningService service, String webhook, String code) {
    return service.postForm(webhook + "imbot.register", CrestForm.minimal("slow", code).encoded());
  }

  /** Waits until the stopping service refuses new connections (a fresh TCP connect fails). */
  private static void awaitRefused(RunningService service) {
    await("the stopping service refusing new connections")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> refuses(service));
  }

  private static boolean refuses(RunningService service) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", service.port()), 1000);
      return false;
    } catch (IOException refused) {
      return true;
    }
  }

  /** Waits until a session of the service waits for the test's lock. */
  private static void awaitBlockedSession(Connection observer) {
    await("the registration waiting for the test's lock")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> blockedSessions(observer) > 0);
  }

  private static long blockedSessions(Connection observer) throws SQLException {
    try (Statement statement = observer.createStatement();
        ResultSet blocked =
            statement.executeQuery(
                "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")) {
      blocked.next();
      return blocked.getLong(1);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
