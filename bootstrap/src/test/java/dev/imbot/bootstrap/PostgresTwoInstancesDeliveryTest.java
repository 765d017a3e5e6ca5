package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one PostgreSQL share the delivery of 1,000 events to one handler: each
 * event arrives at least once, no delivery is attempted by both at the same time, and the
 * duplicates (at-least-once) are counted and reported.
 */
class PostgresTwoInstancesDeliveryTest {
  static final int EVENTS = 1000;

  @Test
  void givenTwoInstances_thousandEvents_eachDeliveredAtLeastOnceAndNeverAttemptedByBothAtOnce()
      throws Exception {
    Map<String, Object> delivery =
        Map.of(
            "imbot.delivery.allowed-networks", "127.0.0.0/8",
            "imbot.delivery.poll-interval", "100ms");
    try (ServiceDatabase database = ServiceDatabase.freshPostgres();
        TestHandler handler = new TestHandler(Duration.ofMillis(2));
        RunningService first = RunningService.start(database, delivery);
        RunningService second = RunningService.start(database, delivery)) {
      EventOutbox outbox = first.bean(EventOutbox.class);
      UnitOfWork unitOfWork = first.bean(UnitOfWork.class);
      long started = System.nanoTime();
      for (int batch = 0; batch < EVENTS / 100; batch++) {
        int offset = batch * 100;
        unitOfWork.run(
            () -> {
              for (int i = 1; i <= 100; i++) {
                outbox.enqueue(event(handler.url("/hook"), offset + i));
              }
              return null;
            });
      }

      await()
          .atMost(120, TimeUnit.SECONDS)
          .until(
              () ->
                  handler.requests().stream()
                          .map(r -> r.headers().get("webhook-id"))
                          .distinct()
                          .count()
                      == EVENTS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      Map<String, Long> perId =
          handler.requests().stream()
              .collect(
                  Collectors.groupingBy(r -> r.headers().get("webhook-id"), Collectors.counting()));
      long duplicates = perId.values().stream().mapToLong(n -> n - 1).sum();
      System.out.printf(
          "two instances delivered %d events in %d ms (%d/s), %d duplicate attempts, %d overlaps%n",
          EVENTS, millis, EVENTS * 1000L / Math.max(1, millis), duplicates, handler.overlaps());
      assertThat(perId).hasSize(EVENTS);
      assertThat(handler.overlaps()).as("attempts of one delivery at the same time").isZero();
      Map<String, Long> bodies =
          handler.requests().stream()
              .map(TestHandler.Request::body)
              .map(body -> body.replaceAll("&ts=\\d+", ""))
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(bodies).as("every event's own body").hasSize(EVENTS);
    }
  }

  private static PendingEvent event(String url, int n) {
    return new PendingEvent(
        ApplicationKey.of("app.one"),
        "ONIMBOTDELETE",
        1,
        HandlerUrl.of(url),
        EventData.builder().put("BOT_ID", n).put("BOT_CODE", "bot" + n).build(),
        AuthSubjects.none(),
        Instant.now());
  }
}
