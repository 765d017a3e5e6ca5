package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: readiness ({@code /health/ready} checks the database, {@code /health} does not) and
 * {@code /metrics} in Prometheus' text format, over real HTTP on the assembled service.
 */
class OperationsTest {
  @TempDir Path temp;

  @Test
  void givenDatabaseGone_getHealthReady_answers503WhileLivenessStaysUp() throws Exception {
    try (H2ServerDatabase database = H2ServerDatabase.started(temp);
        RunningService service =
            RunningService.start(
                database, Map.of("datasources.default.connection-timeout", 1000))) {
      Answer ready = service.get("/health/ready");
      assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
      assertThat(ready.object()).isEqualTo(Map.of("status", "UP"));

      database.stop();
      Thread.sleep(1000);

      Answer down = service.get("/health/ready");
      assertThat(down.status()).as(down.toString()).isEqualTo(503);
      assertThat(down.object()).containsEntry("status", "DOWN");
      Answer live = service.get("/health");
      assertThat(live.status()).isEqualTo(200);
      assertThat(live.object()).isEqualTo(Map.of("status", "UP"));

      database.start();
      Answer back = service.get("/health/ready");
      for (int retry = 0; retry < 10 && back.status() != 200; retry++) {
        back = service.get("/health/ready");
      }
      assertThat(back.status()).as(back.toString()).isEqualTo(200);
    }
  }

  @Test
  void givenCalls_getMetrics_countsThemByMethodAndOutcomeAndShowsThePool() {
    try (ServiceDatabase database = ServiceDatabase.h2File(temp.resolve("data"));
        RunningService service = RunningService.start(database)) {
      String webhook = service.firstStartLine().orElseThrow().path();
      for (int i = 0; i < 3; i++) {
        assertThat(
                service
                    .postForm(
                        webhook + "imbot.register", CrestForm.minimal("app", "bot" + i).encoded())
                    .status())
            .isEqualTo(200);
      }
      assertThat(service.get(webhook + "imbot.unregister?CLIENT_ID=app").status()).isEqualTo(400);
      assertThat(service.get(webhook + "no.such.method").status()).isEqualTo(404);

      Answer metrics = service.get("/metrics");

      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.contentType()).startsWith("text/plain");
      String text = metrics.body();
      assertThat(text)
          .contains("imbot_rest_requests_seconds_count{method=\"imbot.register\",outcome=\"ok\"} 3")
          .contains("imbot_rest_requests_seconds_count{method=\"imbot.unregister\",outcome=\"")
          .contains(
              "imbot_rest_requests_seconds_count{method=\"unknown\","
                  + "outcome=\"ERROR_METHOD_NOT_FOUND\"} 1")
          .contains("imbot_limit_refusals_total{limit=\"QUERY_LIMIT_EXCEEDED\"} 0")
          .contains("imbot_limit_refusals_total{limit=\"OPERATION_TIME_LIMIT\"} 0")
          .containsPattern("(hikaricp|jdbc)_connections_\\w*")
          .doesNotContain(webhook.split("/")[3]);
    }
  }
}
