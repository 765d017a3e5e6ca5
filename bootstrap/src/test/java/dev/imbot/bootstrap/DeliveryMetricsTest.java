package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery's meters at {@code /metrics}, scraped over HTTP and parsed as Prometheus' text format:
 * attempts by event and outcome, the latency histogram, the backlog (pending, its oldest's age,
 * dead) and the failing hosts.
 */
class DeliveryMetricsTest {
  /** {@code name{labels} value}, a sample line of the text format (label values are quoted). */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})? (\\S+)$");

  @TempDir Path directory;

  @Test
  void givenDeliveredFailedBlockedAndWaitingEvents_scrapingMetrics_countsEachAsPrometheusSamples()
      throws Exception {
    try (ServiceDatabase database = ServiceDatabase.h2File(directory);
        TestHandler failing = new TestHandler(Duration.ZERO).answering(503);
        TestHandler healthy = new TestHandler(Duration.ZERO);
        TestHandler slow = new TestHandler(Duration.ofSeconds(8));
        RunningService service =
            RunningService.start(
                database,
                Map.of(
                    "imbot.delivery.allowed-networks", "127.0.0.0/8",
                    "imbot.delivery.retry-schedule", "0s",
                    // One failure makes a host failing.
                    "imbot.delivery.failing-after", 1))) {
      String webhook = service.firstStartLine().orElseThrow().path();
      // One ONIMBOTDELETE each to a failing handler and to a private address: both dead.
      unregister(service, webhook, "bad", register(service, webhook, "bad", failing.url("/h")));
      unregister(
          service, webhook, "blocked", register(service, webhook, "blocked", "http://10.0.0.5/h"));
      // A welcome event and a message to a healthy handler: both delivered.
      message(service, webhook, register(service, webhook, "good", healthy.url("/h")));
      await()
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> healthy.requests().size() == 2 && failing.requests().size() == 1);
      // Two more to a handler that answers after 8 s: pending meanwhile.
      message(service, webhook, register(service, webhook, "slow", slow.url("/h")));

      Map<String, Double> samples = new LinkedHashMap<>();
      await()
          .atMost(7, TimeUnit.SECONDS)
          .untilAsserted(
              () -> {
                samples.clear();
                samples.putAll(scrape(service));
                assertThat(samples)
                    .containsEntry("imbot_delivery_pending", 2.0)
                    .containsEntry("imbot_delivery_dead", 2.0)
                    .containsEntry("imbot_delivery_failing_hosts", 2.0);
              });
      assertThat(samples.get("imbot_delivery_oldest_pending_age_seconds")).isGreaterThan(0.0);
      assertThat(samples)
          .containsEntry(
              "imbot_delivery_attempts_total{event=\"ONIMBOTJOINCHAT\",outcome=\"ok\"}", 1.0)
          .containsEntry(
              "imbot_delivery_attempts_total{event=\"ONIMBOTMESSAGEADD\",outcome=\"ok\"}", 1.0)
          .containsEntry(
              "imbot_delivery_attempts_total{event=\"ONIMBOTDELETE\",outcome=\"blocked\"}", 1.0)
          .containsEntry(
              "imbot_delivery_attempts_total{event=\"ONIMBOTDELETE\",outcome=\"http_error\"}", 1.0)
          .doesNotContainKey(
              "imbot_delivery_attempts_total{event=\"ONIMBOTDELETE\",outcome=\"ok\"}")
          .containsEntry("imbot_delivery_attempt_duration_seconds_count{outcome=\"ok\"}", 2.0)
          .containsEntry(
              "imbot_delivery_attempt_duration_seconds_bucket{outcome=\"ok\",le=\"15.0\"}", 2.0)
          .containsEntry(
              "imbot_delivery_attempt_duration_seconds_bucket{outcome=\"ok\",le=\"+Inf\"}", 2.0)
          .containsKey(
              "imbot_delivery_attempt_duration_seconds_bucket{outcome=\"http_error\",le=\"0.005\"}")
          .containsEntry("imbot_delivery_in_flight", 2.0);
      assertThat(
              samples.get(
                  "imbot_delivery_attempt_duration_seconds_bucket{outcome=\"ok\",le=\"0.005\"}"))
          .isLessThanOrEqualTo(2.0);
    }
  }

  private static void unregister(RunningService service, String webhook, String app, long bot) {
    Answer removed =
        service.postForm(webhook + "imbot.unregister", "BOT_ID=" + bot + "&CLIENT_ID=" + app);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
  }

  private static long register(RunningService service, String webhook, String code, String url) {
    Answer registered =
        service.postForm(
            webhook + "imbot.register",
            CrestForm.minimal(code, code).field("EVENT_HANDLER", url).encoded());
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    return registered.botId();
  }

  private static void message(RunningService service, String webhook, long bot) {
    Answer sent = service.postForm(webhook + "im.message.add", "DIALOG_ID=" + bot + "&MESSAGE=hi");
    assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
  }

  /** Every sample of {@code /metrics}, by name and labels as written. */
  private static Map<String, Double> scrape(RunningService service) {
    Answer answer = service.get("/metrics");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("text/plain");
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : answer.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("a Prometheus sample line: %s", line).isTrue();
      String labels = sample.group(2) == null ? "" : sample.group(2).replace(",}", "}");
      samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
    }
    return samples;
  }
}
