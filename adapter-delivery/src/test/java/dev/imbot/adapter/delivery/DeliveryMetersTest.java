package dev.imbot.adapter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.service.delivery.DeliverDueEventsService.AttemptOutcome;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DeliveryBacklog;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.HostGate;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker's meters: each outcome counted under its name, the backlog read at most every 5 s. */
class DeliveryMetersTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  private static AttemptOutcome outcome(int status, String cause) {
    DueDelivery delivery =
        new DueDelivery(
            1,
            "app",
            "ONIMBOTDELETE",
            1,
            "https://h.example.com/",
            EventData.empty(),
            AuthSubjects.none(),
            0,
            java.time.Instant.EPOCH);
    return new AttemptOutcome(
        delivery,
        new AttemptRecord(1, T0, Duration.ofMillis(30), status, "", cause),
        new Verdict.Delivered());
  }

  @Test
  void givenAttemptsOfEveryKind_accept_countsEachOutcomeByEvent() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeliveryMeters meters = DeliveryMeters.forWorker(registry, new HostGate(4, 64, 5));

    meters.accept(outcome(204, null));
    meters.accept(outcome(500, "HTTP 500"));
    meters.accept(outcome(0, "timeout after 15 s"));
    meters.accept(outcome(0, "connection refused"));
    meters.accept(outcome(0, "blocked: 10.0.0.5 is a private address"));

    for (String[] expected :
        new String[][] {{"ok", "1"}, {"http_error", "1"}, {"no_answer", "2"}, {"blocked", "1"}}) {
      assertThat(
              registry
                  .get("imbot.delivery.attempts")
                  .tag("event", "ONIMBOTDELETE")
                  .tag("outcome", expected[0])
                  .counter()
                  .count())
          .as(expected[0])
          .isEqualTo(Double.parseDouble(expected[1]));
    }
    assertThat(registry.get("imbot.delivery.attempt.duration").tag("outcome", "ok").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("imbot.delivery.failing.hosts").gauge().value()).isZero();
  }

  @Test
  void givenScrapesInARow_backlogGauges_readTheStoreOnceForFiveSeconds() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicInteger reads = new AtomicInteger();
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    DeliveryMeters.bindBacklog(
        registry,
        () -> {
          reads.incrementAndGet();
          return new DeliveryBacklog(3, T0.minusSeconds(90), 2);
        },
        clock);

    double pending = registry.get("imbot.delivery.pending").gauge().value();
    double age = registry.get("imbot.delivery.oldest.pending.age").gauge().value();
    double dead = registry.get("imbot.delivery.dead").gauge().value();

    assertThat(pending).isEqualTo(3);
    assertThat(age).isEqualTo(90);
    assertThat(dead).isEqualTo(2);
    assertThat(reads).hasValue(1);
  }

  @Test
  void givenAGarbageCollection_backlogGauges_stillReadTheStore() throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeliveryMeters.bindBacklog(
        registry, () -> new DeliveryBacklog(1, T0, 4), Clock.fixed(T0, ZoneOffset.UTC));

    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(20);
    }

    assertThat(registry.get("imbot.delivery.dead").gauge().value()).isEqualTo(4);
    assertThat(registry.get("imbot.delivery.pending").gauge().value()).isEqualTo(1);
  }
}
