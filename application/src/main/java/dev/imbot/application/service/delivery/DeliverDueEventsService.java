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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final DueDeliveries deliveries;
  private final WebhookSender sender;
  private final SigningSecrets secrets;
  private final DeliveryPolicy policy;
  private final HostGate gate;
  private final Clock clock;
  private final Duration lease;
  private final String userAgent;
  private final Consumer<AttemptOutcome> observer;
  private final int holdPerHost;
  private final Map<String, ArrayDeque<Held>> held = new HashMap<>();

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
    this.holdPerHost = 4 * gate.perHost();
  }

  @Override
  public DeliveryRound deliverDue(DeliverDueEventsCommand command) {
    int free = Math.min(gate.freeSlots() - heldCount(), command.batchSize());
    if (free <= 0) {
      return DeliveryRound.none();
    }
    Instant now = clock.instant();
    List<DueDelivery> claimed =
        deliveries.claim(command.worker(), now, now.plus(lease), free, skippedHosts(now));
    List<CompletableFuture<Void>> attempts = new ArrayList<>();
    for (DueDelivery delivery : claimed) {
      String host = delivery.host();
      if (gate.tryAcquire(host, now)) {
        attempts.add(attempt(command.worker(), delivery, now));
        continue;
      }
      Optional<Instant> probe = gate.nextProbeAt(host);
      if (probe.isPresent()) {
        // A failing host: its deliveries wait for the probe instead of all retrying at once.
        deliveries.defer(delivery.id(), command.worker(), probe.filter(now::isBefore).orElse(now));
        continue;
      }
      Held held = hold(command.worker(), delivery, now);
      if (held == null) {
        // Due again at once: the next claims leave its host out while its waiting line is full.
        deliveries.defer(delivery.id(), command.worker(), now);
      } else {
        attempts.add(held.done());
      }
    }
    return new DeliveryRound(claimed.size(), attempts);
  }

  /**
   * A claimed delivery waiting for a slot of its host, which the next attempt to that host that
   * ends starts. {@code done} completes when its own attempt has ended (or it was given back).
   */
  private record Held(
      String worker, DueDelivery delivery, Instant claimedAt, CompletableFuture<Void> done) {}

  private synchronized Held hold(String worker, DueDelivery delivery, Instant now) {
    ArrayDeque<Held> queue = held.computeIfAbsent(delivery.host(), h -> new ArrayDeque<>());
    if (queue.size() >= holdPerHost) {
      return null;
    }
    Held entry = new Held(worker, delivery, now, new CompletableFuture<>());
    queue.add(entry);
    return entry;
  }

  /** Hosts whose due deliveries would only wait here: closed, and their waiting line full. */
  private synchronized java.util.Set<String> skippedHosts(Instant now) {
    java.util.Set<String> skipped = new java.util.HashSet<>();
    for (String host : gate.closedHosts(now)) {
      ArrayDeque<Held> queue = held.get(host);
      if (gate.nextProbeAt(host).isPresent() || (queue != null && queue.size() >= holdPerHost)) {
        skipped.add(host);
      }
    }
    return skipped;
  }

  private synchronized int heldCount() {
    return held.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  /** Starts what waits for {@code host} while its slots allow. */
  private void startHeld(String host) {
    while (true) {
      Held next;
      Instant now = clock.instant();
      boolean start = false;
      Instant giveBackAt = now;
      synchronized (this) {
        ArrayDeque<Held> queue = held.get(host);
        if (queue == null || queue.isEmpty()) {
          return;
        }
        next = queue.peek();
        if (now.isAfter(next.claimedAt().plus(lease.dividedBy(2)))) {
          // Held past half its lease: another instance may claim it soon, so it is given back.
          queue.poll();
        } else if (gate.tryAcquire(host, now)) {
          queue.poll();
          start = true;
        } else if (gate.nextProbeAt(host).isPresent()) {
          // The host turned failing: what waits for it waits for its probe instead.
          queue.poll();
          giveBackAt = gate.nextProbeAt(host).get();
        } else {
          return;
        }
      }
      if (!start) {
        giveBack(next, giveBackAt);
        continue;
      }
      attempt(next.worker(), next.delivery(), now)
          .whenComplete(
              (done, failure) -> {
                if (failure != null) {
                  next.done().completeExceptionally(failure);
                } else {
                  next.done().complete(null);
                }
              });
    }
  }

  private void giveBack(Held entry, Instant dueAt) {
    try {
      deliveries.defer(entry.delivery().id(), entry.worker(), dueAt);
    } finally {
      entry.done().complete(null);
    }
  }

  @Override
  public int inFlight() {
    return gate.inFlight();
  }

  @Override
  public void releaseClaims(String worker) {
    List<Held> waiting = new ArrayList<>();
    synchronized (this) {
      held.values().forEach(waiting::addAll);
      held.clear();
    }
    try {
      deliveries.releaseAll(worker);
    } finally {
      waiting.forEach(entry -> entry.done().complete(null));
    }
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
            startHeld(delivery.host());
          }
          observer.accept(new AttemptOutcome(delivery, record, verdict));
          return null;
        });
  }
}
