package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.common.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the request-rate limit on (50 requests, draining 2 per second, Bitrix24 cloud's), on
 * the embedded H2 default (buckets in memory) and on PostgreSQL (buckets in the database, shared by
 * instances). The service's clock is a {@link ManualClock}, so draining is exact.
 */
class RateLimitTest {
  private static final String ADMIN_TOKEN = "rate-limit-admin-token";
  private static final Map<String, Object> LIMIT_ON =
      Map.of(
          "imbot.rate-limit.enabled", true,
          "imbot.test.manual-clock", true,
          "imbot.admin.token", ADMIN_TOKEN);

  @TempDir Path temp;

  @Test
  void givenH2_burstFromOneCaller_isRefusedAfter50AndRecoversAtTheDrainRate() {
    try (ServiceDatabase database = ServiceDatabase.h2File(temp.resolve("data"))) {
      burstIsRefusedAfter50AndRecoversAtTheDrainRate(database);
    }
  }

  @Test
  void givenPostgres_burstFromOneCaller_isRefusedAfter50AndRecoversAtTheDrainRate() {
    try (ServiceDatabase database = ServiceDatabase.freshPostgres()) {
      burstIsRefusedAfter50AndRecoversAtTheDrainRate(database);
    }
  }

  private static void burstIsRefusedAfter50AndRecoversAtTheDrainRate(ServiceDatabase database) {
    try (RunningService service = RunningService.start(database, LIMIT_ON)) {
      String webhook = service.firstStartLine().orElseThrow().path();
      String token = applicationToken(service, "other");
      ManualClock clock = service.bean(ManualClock.class);

      for (int i = 1; i <= 50; i++) {
        assertThat(list(service, webhook).status()).as("request %d", i).isEqualTo(200);
      }
      assertRefused(list(service, webhook));
      assertRefused(list(service, webhook));

      // Another credential from the same address has a bucket of its own.
      assertThat(service.get("/rest/imbot.bot.list?auth=" + token).status()).isEqualTo(200);

      // Two requests drain per second: after one second, two more fit, not three.
      clock.advance(Duration.ofSeconds(1));
      assertThat(list(service, webhook).status()).isEqualTo(200);
      assertThat(list(service, webhook).status()).isEqualTo(200);
      assertRefused(list(service, webhook));
      clock.advance(Duration.ofMillis(500));
      assertThat(list(service, webhook).status()).isEqualTo(200);
      assertRefused(list(service, webhook));

      // After 25 seconds the bucket has drained completely.
      clock.advance(Duration.ofSeconds(25));
      for (int i = 1; i <= 50; i++) {
        assertThat(list(service, webhook).status()).as("request %d", i).isEqualTo(200);
      }
      assertRefused(list(service, webhook));

      assertThat(service.get("/metrics").body())
          .contains("imbot_limit_refusals_total{limit=\"QUERY_LIMIT_EXCEEDED\"} 5");
    }
  }

  @Test
  void givenBatchOfFiftyCommands_rateLimit_countsItOnce() {
    try (ServiceDatabase database = ServiceDatabase.h2File(temp.resolve("data"));
        RunningService service = RunningService.start(database, LIMIT_ON)) {
      String webhook = service.firstStartLine().orElseThrow().path();
      StringJoiner batch = new StringJoiner("&");
      for (int i = 0; i < 50; i++) {
        batch.add("cmd%5Bc" + i + "%5D=imbot.bot.list");
      }

      Answer answer = service.postForm(webhook + "batch", batch.toString());

      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      assertThat(answer.body()).doesNotContain("QUERY_LIMIT_EXCEEDED");
      for (int i = 1; i <= 49; i++) {
        assertThat(list(service, webhook).status()).as("request %d", i).isEqualTo(200);
      }
      assertRefused(list(service, webhook));
    }
  }

  @Test
  void givenTwoInstancesOnOnePostgres_burst_sharesOneBucket() {
    try (ServiceDatabase database = ServiceDatabase.freshPostgres();
        RunningService first = RunningService.start(database, LIMIT_ON);
        RunningService second = RunningService.start(database, LIMIT_ON)) {
      String webhook = first.firstStartLine().orElseThrow().path();

      for (int i = 1; i <= 25; i++) {
        assertThat(list(first, webhook).status()).as("first, request %d", i).isEqualTo(200);
        assertThat(list(second, webhook).status()).as("second, request %d", i).isEqualTo(200);
      }

      assertRefused(list(first, webhook));
      assertRefused(list(second, webhook));
    }
  }

  @Test
  void givenTwoInstancesOnOnePostgres_concurrentBurstOnOneKey_admitsExactly50() throws Exception {
    // Sixteen threads at once on one webhook: the calls that go to the bucket's row together
    // (Bucket4j's batching) must still count one token each, across both instances.
    try (ServiceDatabase database = ServiceDatabase.freshPostgres();
        RunningService first = RunningService.start(database, LIMIT_ON);
        RunningService second = RunningService.start(database, LIMIT_ON)) {
      String webhook = first.firstStartLine().orElseThrow().path();
      ExecutorService callers = Executors.newFixedThreadPool(16);
      try {
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
          RunningService service = i % 2 == 0 ? first : second;
          answers.add(callers.submit(() -> list(service, webhook)));
        }
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        List<String> others = new ArrayList<>();
        for (Future<Answer> answer : answers) {
          Answer done = answer.get();
          byStatus.merge(done.status(), 1, Integer::sum);
          if (done.status() != 200 && done.status() != 503) {
            others.add(done.toString());
          }
        }
        assertThat(byStatus)
            .as("answers by status; others: %s", others)
            .isEqualTo(Map.of(200, 50, 503, 70));
      } finally {
        callers.shutdownNow();
      }
    }
  }

  @Test
  void givenLimitOff_burst_isNeverRefused() {
    try (ServiceDatabase database = ServiceDatabase.h2File(temp.resolve("data"));
        RunningService service = RunningService.start(database)) {
      String webhook = service.firstStartLine().orElseThrow().path();
      for (int i = 1; i <= 120; i++) {
        assertThat(list(service, webhook).status()).as("request %d", i).isEqualTo(200);
      }
    }
  }

  private static Answer list(RunningService service, String webhook) {
    return service.get(webhook + "imbot.bot.list");
  }

  private static void assertRefused(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
    assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(answer.object())
        .isEqualTo(
            Map.of("error", "QUERY_LIMIT_EXCEEDED", "error_description", "Too many requests"));
  }

  private static String applicationToken(RunningService service, String clientId) {
    Answer created =
        service.admin("POST", "/applications", "{\"client_id\":\"" + clientId + "\"}", ADMIN_TOKEN);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return (String) created.object().get("access_token");
  }
}
