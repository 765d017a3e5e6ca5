package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.DeliverDueEventsCommand;
import dev.imbot.application.port.in.delivery.DeliverDueEventsUseCase;
import dev.imbot.application.port.in.delivery.DeliveryRound;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.application.port.out.delivery.SigningSecrets;
import dev.imbot.application.port.out.delivery.WebhookSender;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.AttemptResult;
import dev.imbot.domain.delivery.DeliveryPolicy;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.HostGate;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.delivery.WebhookRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Service: one round of delivery. Claims as many due deliveries as there are free slots, starts an
 * attempt for each its host's slots allow, and gives the others back (a busy host's a moment later,
 * a failing host's at its next probe). When an attempt ends, its outcome is logged and judged by
 * the {@link DeliveryPolicy}, and its slot is freed.
 */
public final class DeliverDueEventsService implements DeliverDueEventsUseCase {
  /** How long a delivery of a host whose slots are all taken waits before it is claimed again. */
  static final Duration BUSY_HOST_DELAY = Duration.ofMillis(250);

  private final DueDeliveries deliveries;
  private final WebhookSender sender;
  private final SigningSecrets secrets;
  private final DeliveryPolicy policy;
  private final HostGate gate;
  private final Clock clock;
  private final Duration lease;
  private final String userAgent;
  private final Consumer<AttemptOutcome> observer;

  /** What one attempt came to, for metrics. */
  public record AttemptOutcome(DueDelivery delivery, AttemptRecord attempt, Verdict verdict) {}

  public DeliverDueEventsService(
      DueDeliveries deliveries,
      WebhookSender sender,
      SigningSecrets secrets,
      DeliveryPolicy policy,
      HostGate gate,
      Clock clock,
      Duration lease,
      String userAgent,
      Consumer<AttemptOutcome> observer) {
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public DeliveryRound deliverDue(DeliverDueEventsCommand command) {
    int free = Math.min(gate.freeSlots(), command.batchSize());
    if (free <= 0) {
      return DeliveryRound.none();
    }
    Instant now = clock.instant();
    List<DueDelivery> claimed = deliveries.claim(command.worker(), now, now.plus(lease), free);
    List<CompletableFuture<Void>> attempts = new ArrayList<>();
    for (DueDelivery delivery : claimed) {
      String host = delivery.host();
      if (!gate.tryAcquire(host, now)) {
        Optional<Instant> probe = gate.nextProbeAt(host);
        Instant dueAt = probe.filter(now::isBefore).orElse(now.plus(BUSY_HOST_DELAY));
        deliveries.defer(delivery.id(), command.worker(), dueAt);
        continue;
      }
      attempts.add(attempt(command.worker(), delivery, now));
    }
    return new DeliveryRound(claimed.size(), attempts);
  }

  @Override
  public int inFlight() {
    return gate.inFlight();
  }

  @Override
  public void releaseClaims(String worker) {
    deliveries.releaseAll(worker);
  }

  private CompletableFuture<Void> attempt(String worker, DueDelivery delivery, Instant startedAt) {
    int number = delivery.attemptsMade() + 1;
    CompletableFuture<AttemptResult> sent;
    try {
      WebhookRequest request =
          WebhookRequest.render(
              delivery, number, startedAt, secrets.keysOf(delivery.application()), userAgent);
      sent = sender.send(request);
    } catch (RuntimeException e) {
      sent =
          CompletableFuture.completedFuture(
              new AttemptResult.Failed("not sent: " + e.getMessage(), Duration.ZERO));
    }
    return sent.handle(
        (result, failure) -> {
          AttemptResult outcome =
              result != null
                  ? result
                  : new AttemptResult.Failed("not sent: " + failure, Duration.ZERO);
          Instant endedAt = clock.instant();
          AttemptRecord record = AttemptRecord.of(number, startedAt, outcome);
          Verdict verdict = policy.judge(outcome, number, endedAt);
          try {
            deliveries.finish(delivery.id(), worker, record, verdict);
          } finally {
            gate.release(delivery.host(), record.succeeded(), endedAt);
          }
          observer.accept(new AttemptOutcome(delivery, record, verdict));
          return null;
        });
  }
}
