package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the database goes away under a running service. Callers get {@code 503}, which the
 * SDKs retry, never a stack trace (the admin API too); once the database is back, the service
 * answers again.
 */
class DatabaseUnavailableTest {
  private static final String ADMIN_TOKEN = "e2e-admin-token";

  /** Hikari's wait for a connection, lowered from application.yml's 5 s to keep the test short. */
  private static final Map<String, Object> SHORT_WAIT =
      Map.of("datasources.default.connection-timeout", 1000, "imbot.admin.token", ADMIN_TOKEN);

  @TempDir Path temp;

  private H2ServerDatabase database;

  @BeforeEach
  void startDatabase() {
    database = H2ServerDatabase.started(temp);
  }

  @AfterEach
  void stopDatabase() {
    database.close();
  }

  @Test
  void givenDatabaseGoneWhileRunning_call_answers503UntilItIsBack() throws Exception {
    try (RunningService service = RunningService.start(database, SHORT_WAIT)) {
      String webhook = service.firstStartLine().orElseThrow().path();
      assertThat(register(service, webhook, "before").status()).isEqualTo(200);

      database.stop();
      // Hikari hands out a recently used connection unchecked for 500 ms: wait until it notices.
      await("the service noticing the database is gone")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> service.get(webhook + "imbot.bot.list").status() == 503);

      for (Answer answer :
          new Answer[] {
            register(service, webhook, "during"),
            service.get(webhook + "imbot.bot.list"),
            service.admin("GET", "/users", null, ADMIN_TOKEN),
            service.admin("POST", "/users", "{\"name\":\"Operator\"}", ADMIN_TOKEN)
          }) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.object())
            .isEqualTo(
                Map.of(
                    "error",
                    "INTERNAL_SERVER_ERROR",
                    "error_description",
                    "Service temporarily unavailable, try again"));
      }

      database.start();

      // The pool reconnects on its own; a busy machine may need more than one try (SDKs retry).
      Answer after =
          await("the service answering again")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> register(service, webhook, "after"), answer -> answer.status() != 503);
      assertThat(after.status()).as(after.toString()).isEqualTo(200);
      assertThat(service.get(webhook + "imbot.bot.list").object().get("result").toString())
          .contains("before", "after")
          .doesNotContain("during");
    }
  }

  private static Answer register(RunningService service, String webhook, String code) {
    return service.postForm(webhook + "imbot.register", CrestForm.minimal("app", code).encoded());
  }
}
