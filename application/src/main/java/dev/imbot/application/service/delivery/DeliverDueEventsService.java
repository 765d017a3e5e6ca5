package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.DeliverDueEventsCommand;
import dev.imbot.application.port.in.delivery.DeliverDueEventsUseCase;
import dev.imbot.application.port.in.delivery.DeliveryRound;
import dev.imbot.application.port.in.portal.ApplicationInstallUseCase;
import dev.imbot.application.port.in.portal.MintEventTokensUseCase;
import dev.imbot.application.port.in.portal.MintEventTokensUseCase.EventAuth;
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
import dev.imbot.domain.portal.ApplicationEvent;
import dev.imbot.domain.portal.ApplicationKey;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Service: one round of delivery. Claims as many due deliveries as there are free slots, parks
 * those whose application waits for its install ({@link ApplicationInstallUseCase}), starts an
 * attempt for each other its host's slots allow, and gives the rest back (a busy host's a moment
 * later, a failing host's at its next probe). Each attempt renders the {@code auth} blocks with
 * tokens minted then ({@link MintEventTokensUseCase}). When an attempt ends, its outcome is logged
 * and judged by the {@link DeliveryPolicy}, and its slot is freed; a delivered {@code ONAPPINSTALL}
 * lets its application's parked events go, and the last {@code ONAPPUNINSTALL} delivered or dead
 * drops the application's pending events and finishes its uninstall.
 */
public final class DeliverDueEventsService implements DeliverDueEventsUseCase {
  private static final System.Logger LOG =
      System.getLogger(DeliverDueEventsService.class.getName());

  /**
   * How long a delivery waiting for its application's install is parked before it is looked at
   * again; the install's delivery makes it due at once anyway.
   */
  static final Duration INSTALL_WAIT = Duration.ofMinutes(5);

  static final String WAITING_FOR_INSTALL = "waiting for install: ONAPPINSTALL not delivered yet";
  static final String DROPPED = "dropped: the application was uninstalled";

  private static final String INSTALL = ApplicationEvent.ONAPPINSTALL.name();
  private static final String UNINSTALL = ApplicationEvent.ONAPPUNINSTALL.name();

  private final DueDeliveries deliveries;
  private final MintEventTokensUseCase tokens;
  private final ApplicationInstallUseCase install;
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
  // Hosts that had more due than their slots, and the ones being refilled now.
  private final Set<String> backlogged = new HashSet<>();
  private final Set<String> refilling = new HashSet<>();
  private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  /** What one attempt came to, for metrics. */
  public record AttemptOutcome(DueDelivery delivery, AttemptRecord attempt, Verdict verdict) {}

  public DeliverDueEventsService(
      DueDeliveries deliveries,
      MintEventTokensUseCase tokens,
      ApplicationInstallUseCase install,
      WebhookSender sender,
      SigningSecrets secrets,
      DeliveryPolicy policy,
      HostGate gate,
      Clock clock,
      Duration lease,
      String userAgent,
      Consumer<AttemptOutcome> observer) {
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.install = Objects.requireNonNull(install, "install");
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
    if (stopping) {
      return DeliveryRound.none();
    }
    int free = Math.min(gate.freeSlots() - heldCount(), command.batchSize());
    if (free <= 0) {
      return DeliveryRound.none();
    }
    Instant now = clock.instant();
    // Hosts whose slots are all taken are left out: their own waiting lines refill them.
    List<DueDelivery> claimed =
        deliveries.claim(command.worker(), now, now.plus(lease), free, gate.closedHosts(now));
    return new DeliveryRound(claimed.size(), start(command, claimed, now));
  }

  /**
   * Starts an attempt for each claimed delivery its host's slots allow and holds the others in
   * their host's waiting line while it has room; gives the rest back (a failing host's at its next
   * probe) in one write. Answers how many it started or holds.
   */
  private int start(DeliverDueEventsCommand command, List<DueDelivery> claimed, Instant now) {
    List<DueDelivery> deliverable = parkWaiting(command.worker(), claimed, now);
    List<Long> busy = new ArrayList<>();
    int started = 0;
    for (DueDelivery delivery : deliverable) {
      String host = delivery.host();
      if (gate.tryAcquire(host, now)) {
        track(attempt(command, delivery, now));
        started++;
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
        busy.add(delivery.id());
      } else {
        track(held.done());
        started++;
      }
    }
    // Due again at once; their host's line refills from them as its attempts end.
    deliveries.deferAll(busy, command.worker(), now);
    return started;
  }

  /** Counts {@code running} in flight until it ends. */
  private void track(CompletableFuture<Void> running) {
    inFlight.add(running);
    running.whenComplete(
        (done, failure) -> {
          inFlight.remove(running);
          if (failure != null) {
            LOG.log(Level.WARNING, "storing an attempt's outcome failed", failure);
          }
        });
  }

  /**
   * After an attempt to {@code host} ended: while the host has a backlog (more was due than its
   * slots) and its waiting line runs short, claims from its own backlog to fill the line again.
   * Answers how many it started or holds.
   */
  private int refill(DeliverDueEventsCommand command, String host) {
    int room;
    synchronized (this) {
      ArrayDeque<Held> queue = held.get(host);
      int waiting = queue == null ? 0 : queue.size();
      if (stopping
          || !backlogged.contains(host)
          || refilling.contains(host)
          || waiting >= gate.perHost()
          || gate.nextProbeAt(host).isPresent()) {
        return 0;
      }
      room = holdPerHost - waiting;
      refilling.add(host);
    }
    try {
      Instant now = clock.instant();
      List<DueDelivery> claimed =
          deliveries.claimOf(command.worker(), host, now, now.plus(lease), room);
      if (claimed.size() < room) {
        synchronized (this) {
          backlogged.remove(host);
        }
      }
      return start(command, claimed, now);
    } finally {
      synchronized (this) {
        refilling.remove(host);
      }
    }
  }

  /**
   * The claimed deliveries the install gate lets through; the others are parked. The gate is asked
   * before any attempt starts, so a failing question leaves every claim to its lease. An
   * application whose install was delivered while its events were being parked here is asked again
   * afterwards, so none of them waits out {@link #INSTALL_WAIT} for nothing.
   */
  private List<DueDelivery> parkWaiting(String worker, List<DueDelivery> claimed, Instant now) {
    Map<String, Boolean> installed = new HashMap<>();
    List<DueDelivery> deliverable = new ArrayList<>(claimed.size());
    List<DueDelivery> waiting = new ArrayList<>();
    for (DueDelivery delivery : claimed) {
      boolean may =
          INSTALL.equals(delivery.event())
              || UNINSTALL.equals(delivery.event())
              || installed.computeIfAbsent(
                  delivery.application(),
                  application -> install.mayDeliver(keyOf(delivery), delivery.event()));
      (may ? deliverable : waiting).add(delivery);
    }
    Map<String, DueDelivery> parkedApplications = new LinkedHashMap<>();
    for (DueDelivery delivery : waiting) {
      deliveries.park(delivery.id(), worker, now.plus(INSTALL_WAIT), WAITING_FOR_INSTALL);
      parkedApplications.putIfAbsent(delivery.application(), delivery);
    }
    parkedApplications.forEach(
        (application, delivery) -> {
          if (install.mayDeliver(keyOf(delivery), delivery.event())) {
            deliveries.resume(application, now);
          }
        });
    return deliverable;
  }

  private static ApplicationKey keyOf(DueDelivery delivery) {
    return ApplicationKey.of(delivery.application());
  }

  /**
   * What an ended attempt means for its application's install: a delivered {@code ONAPPINSTALL}
   * installs it and makes its parked events due; once no {@code ONAPPUNINSTALL} of it is pending
   * any more (delivered or dead), its other pending events are dropped and its uninstall finishes.
   */
  private void settleInstall(DueDelivery delivery, Verdict verdict, Instant now) {
    if (INSTALL.equals(delivery.event()) && verdict instanceof Verdict.Delivered) {
      install.installDelivered(keyOf(delivery));
      deliveries.resume(delivery.application(), now);
    } else if (UNINSTALL.equals(delivery.event())
        && !(verdict instanceof Verdict.RetryAt)
        && !deliveries.hasPending(delivery.application(), UNINSTALL)) {
      // Dropped first, while the row still says UNINSTALLING: nothing new of it can be recorded.
      deliveries.drop(delivery.application(), DROPPED, now);
      install.uninstallFinished(keyOf(delivery));
    }
  }

  /**
   * A claimed delivery waiting for a slot of its host, which the next attempt to that host that
   * ends starts. {@code done} completes when its own attempt has ended (or it was given back).
   */
  private record Held(
      String worker, DueDelivery delivery, Instant claimedAt, CompletableFuture<Void> done) {}

  private synchronized Held hold(String worker, DueDelivery delivery, Instant now) {
    // More was due for this host than its slots: its line refills from its backlog from now on.
    backlogged.add(delivery.host());
    ArrayDeque<Held> queue = held.computeIfAbsent(delivery.host(), h -> new ArrayDeque<>());
    if (queue.size() >= holdPerHost) {
      return null;
    }
    Held entry = new Held(worker, delivery, now, new CompletableFuture<>());
    queue.add(entry);
    return entry;
  }

  private synchronized int heldCount() {
    return held.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  /** Starts what waits for {@code host} while its slots allow; how many it started. */
  private int startHeld(DeliverDueEventsCommand command, String host) {
    int started = 0;
    while (true) {
      Held next;
      Instant now = clock.instant();
      boolean start = false;
      Instant giveBackAt = now;
      synchronized (this) {
        ArrayDeque<Held> queue = held.get(host);
        if (queue == null || queue.isEmpty()) {
          return started;
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
          return started;
        }
      }
      if (!start) {
        giveBack(next, giveBackAt);
        continue;
      }
      started++;
      attempt(command, next.delivery(), now)
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
    return inFlight.size();
  }

  @Override
  public CompletableFuture<Void> stop() {
    stopping = true;
    return CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new));
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

  private CompletableFuture<Void> attempt(
      DeliverDueEventsCommand command, DueDelivery delivery, Instant startedAt) {
    String worker = command.worker();
    int number = delivery.attemptsMade() + 1;
    CompletableFuture<AttemptResult> sent;
    try {
      // Tokens are minted now, at the attempt: a retry hours later still carries live ones.
      EventAuth auth = tokens.mint(keyOf(delivery), delivery.event(), delivery.subjects());
      WebhookRequest request =
          WebhookRequest.render(
              delivery,
              auth.mergeInto(delivery.data()),
              auth.auth(),
              number,
              startedAt,
              secrets.keysOf(delivery.application()),
              userAgent);
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
            if (deliveries.finish(delivery.id(), worker, record, verdict)) {
              settleInstall(delivery, verdict, endedAt);
            }
          } finally {
            gate.release(delivery.host(), record.succeeded(), endedAt);
            if (startHeld(command, delivery.host()) + refill(command, delivery.host()) == 0) {
              command.slotFreed().run();
            }
          }
          observer.accept(new AttemptOutcome(delivery, record, verdict));
          return null;
        });
  }
}
