package dev.imbot.adapter.delivery;

import dev.imbot.application.port.in.delivery.ReadDeliveryBacklogUseCase;
import dev.imbot.application.service.delivery.DeliverDueEventsService.AttemptOutcome;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DeliveryBacklog;
import dev.imbot.domain.delivery.HostGate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Delivery's meters, for {@code /metrics} in Prometheus' format:
 *
 * <ul>
 *   <li>{@code imbot_delivery_attempts_total{event, outcome}}: attempts by event and outcome
 *       ({@code ok}, {@code http_error}, {@code no_answer}, {@code blocked});
 *   <li>{@code imbot_delivery_attempt_duration_seconds{outcome}}: the attempts' latency as a
 *       histogram (buckets from 5 ms to 15 s);
 *   <li>{@code imbot_delivery_pending}, {@code imbot_delivery_oldest_pending_age_seconds}, {@code
 *       imbot_delivery_dead}: the store's backlog (the same in every instance sharing it, read at
 *       most every few seconds);
 *   <li>{@code imbot_delivery_failing_hosts}, {@code imbot_delivery_in_flight}: this instance's
 *       worker.
 * </ul>
 *
 * Event names come from the store (a closed set of wire names), so labels stay few.
 */
public final class DeliveryMeters implements Consumer<AttemptOutcome> {
  /** How long a read of the backlog serves the gauges. */
  static final Duration BACKLOG_FRESH_FOR = Duration.ofSeconds(5);

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(15)
  };

  private final MeterRegistry registry;
  private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
  private final Map<String, Timer> durations = new ConcurrentHashMap<>();

  private DeliveryMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The worker's meters: each attempt's outcome and latency, the failing hosts and attempts in
   * flight of {@code gate}. The answer is the worker's observer of attempts.
   */
  public static DeliveryMeters forWorker(MeterRegistry registry, HostGate gate) {
    DeliveryMeters meters = new DeliveryMeters(registry);
    Gauge.builder("imbot.delivery.failing.hosts", gate, HostGate::failingHosts)
        .description("Handler hosts this instance treats as failing (one probe at a time)")
        .strongReference(true) // Micrometer holds the gate weakly otherwise: NaN once collected
        .register(registry);
    Gauge.builder("imbot.delivery.in.flight", gate, HostGate::inFlight)
        .description("Attempts in flight in this instance, their outcome not yet stored included")
        .strongReference(true)
        .register(registry);
    return meters;
  }

  /** The store's backlog as gauges: pending, the oldest pending's age, dead. */
  public static void bindBacklog(
      MeterRegistry registry, ReadDeliveryBacklogUseCase backlog, Clock clock) {
    // Gauges hold their state weakly; nothing else holds this one, so they must hold it strongly.
    CachedBacklog cached = new CachedBacklog(backlog);
    Gauge.builder("imbot.delivery.pending", cached, c -> c.get().pending())
        .description("Deliveries waiting for an attempt")
        .strongReference(true)
        .register(registry);
    Gauge.builder(
            "imbot.delivery.oldest.pending.age",
            cached,
            c -> c.get().oldestPendingAge(clock.instant()).toMillis() / 1000.0)
        .description("How long the oldest pending delivery has waited")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    Gauge.builder("imbot.delivery.dead", cached, c -> c.get().dead())
        .description("Deliveries that gave up, kept for replay")
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void accept(AttemptOutcome outcome) {
    String result = outcome(outcome.attempt());
    String event = outcome.delivery().event();
    attempts
        .computeIfAbsent(
            event + ' ' + result,
            key ->
                Counter.builder("imbot.delivery.attempts")
                    .description("Delivery attempts by event and outcome")
                    .tag("event", event)
                    .tag("outcome", result)
                    .register(registry))
        .increment();
    durations
        .computeIfAbsent(
            result,
            key ->
                Timer.builder("imbot.delivery.attempt.duration")
                    .description("How long delivery attempts took, by outcome")
                    .tag("outcome", result)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry))
        .record(outcome.attempt().duration());
  }

  /** {@code ok}, {@code http_error} (answered, not 2xx), {@code no_answer}, {@code blocked}. */
  static String outcome(AttemptRecord attempt) {
    if (attempt.succeeded()) {
      return "ok";
    }
    if (attempt.status() > 0) {
      return "http_error";
    }
    return attempt.cause().startsWith("blocked:") ? "blocked" : "no_answer";
  }

  /** The backlog, read again when the last read is older than {@link #BACKLOG_FRESH_FOR}. */
  private static final class CachedBacklog {
    private final ReadDeliveryBacklogUseCase backlog;
    private DeliveryBacklog last = new DeliveryBacklog(0, null, 0);
    private long readAtNanos;
    private boolean read;

    CachedBacklog(ReadDeliveryBacklogUseCase backlog) {
      this.backlog = backlog;
    }

    synchronized DeliveryBacklog get() {
      long now = System.nanoTime();
      if (!read || now - readAtNanos >= BACKLOG_FRESH_FOR.toNanos()) {
        try {
          last = backlog.backlog();
        } catch (RuntimeException unreachable) {
          // The database is away: the gauges keep their last values until it is back.
        }
        read = true;
        readAtNanos = now;
      }
      return last;
    }
  }
}
