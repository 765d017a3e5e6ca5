package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, with the pool settings the service ships with: the database goes away under a running
 * service, or its connections die. Every call that cannot reach the database answers {@code 503},
 * which the SDKs retry, quickly, the first one included, never a {@code 500} or a stack trace (the
 * admin API too); {@code /health} keeps answering; once the database is back, the service answers
 * again.
 */
class DatabaseUnavailableTest {
  private static final String ADMIN_TOKEN = "e2e-admin-token";
  private static final Map<String, Object> ADMIN = Map.of("imbot.admin.token", ADMIN_TOKEN);

  /** application.yml's connection-timeout (2 s) plus room for a busy machine. */
  private static final Duration QUICKLY = Duration.ofMillis(3500);

  private static final Map<String, Object> UNAVAILABLE =
      Map.of(
          "error",
          "INTERNAL_SERVER_ERROR",
          "error_description",
          "Service temporarily unavailable, try again");

  @TempDir Path temp;

  @Test
  void givenDatabaseGoneWhileRunning_everyCallFromTheFirst_answers503QuicklyUntilItIsBack()
      throws Exception {
    try (H2ServerDatabase database = H2ServerDatabase.started(temp);
        RunningService service = RunningService.start(database, ADMIN)) {
      String webhook = service.firstStartLine().orElseThrow().path();
      assertThat(register(service, webhook, "before").status()).isEqualTo(200);

      // No pause: the first call comes while the pool still trusts its recently used connections.
      database.stop();
      List<Timed> calls = new ArrayList<>();
      calls.add(timed(() -> register(service, webhook, "during")));
      calls.add(timed(() -> service.get(webhook + "imbot.bot.list")));
      calls.add(timed(() -> service.admin("GET", "/users", null, ADMIN_TOKEN)));
      calls.add(
          timed(() -> service.admin("POST", "/users", "{\"name\":\"Operator\"}", ADMIN_TOKEN)));
      calls.add(timed(() -> register(service, webhook, "during")));
      Answer health = service.get("/health");

      for (Timed call : calls) {
        assertUnavailable(call.answer());
        assertThat(call.took()).as("%s", call).isLessThan(QUICKLY);
      }
      System.out.println("[DatabaseUnavailableTest] H2 server stopped, answers: " + calls);
      assertThat(health.status()).isEqualTo(200);

      database.start();
      assertThat(untilNot503(() -> register(service, webhook, "after")).status()).isEqualTo(200);
      assertThat(service.get(webhook + "imbot.bot.list").object().get("result").toString())
          .contains("before", "after")
          .doesNotContain("during");
    }
  }

  @Test
  void givenPostgresConnectionsTerminated_nextCalls_answerAtMostOne503ThenSucceedNever500()
      throws Exception {
    try (ServiceDatabase database = ServiceDatabase.freshPostgres();
        RunningService service = RunningService.start(database, ADMIN)) {
      String webhook = service.firstStartLine().orElseThrow().path();
      // Several connections in the pool, each recently used.
      for (int i = 0; i < 3; i++) {
        assertThat(register(service, webhook, "before" + i).status()).isEqualTo(200);
      }

      int terminated = database.terminateServiceConnections();
      List<Timed> calls = new ArrayList<>();
      calls.add(timed(() -> register(service, webhook, "first")));
      calls.add(timed(() -> service.get(webhook + "imbot.bot.list")));
      calls.add(timed(() -> service.admin("GET", "/users", null, ADMIN_TOKEN)));
      calls.add(timed(() -> register(service, webhook, "second")));

      System.out.println(
          "[DatabaseUnavailableTest] PostgreSQL, "
              + terminated
              + " connections terminated, answers: "
              + calls);
      assertThat(terminated).isPositive();
      // One dead connection may be handed out; its siblings are retired with it, not tried in turn.
      assertThat(calls.stream().filter(call -> call.answer().status() == 503).count())
          .as("%s", calls)
          .isLessThanOrEqualTo(1);
      for (Timed call : calls) {
        assertThat(call.answer().status()).as("%s", call).isIn(200, 201, 503);
        if (call.answer().status() == 503) {
          assertUnavailable(call.answer());
        }
        assertThat(call.took()).as("%s", call).isLessThan(QUICKLY);
      }
      // The pool replaces the dead connections on its own.
      assertThat(untilNot503(() -> register(service, webhook, "after")).status()).isEqualTo(200);
      assertThat(service.get(webhook + "imbot.bot.list").result().toString()).contains("after");
    }
  }

  private static void assertUnavailable(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
    assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(answer.object()).isEqualTo(UNAVAILABLE);
  }

  /** Retries a 503 as SDKs do, with a pause, for up to 15 s (a busy machine may need several). */
  private static Answer untilNot503(Supplier<Answer> call) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Answer answer = call.get();
    while (answer.status() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answer = call.get();
    }
    return answer;
  }

  private record Timed(Answer answer, Duration took) {
    @Override
    public String toString() {
      return answer.status() + " in " + took.toMillis() + " ms";
    }
  }

  private static Timed timed(Supplier<Answer> call) {
    long start = System.nanoTime();
    Answer answer = call.get();
    return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
  }

  private static Answer register(RunningService service, String webhook, String code) {
    return service.postForm(webhook + "imbot.register", CrestForm.minimal("app", code).encoded());
  }
}
