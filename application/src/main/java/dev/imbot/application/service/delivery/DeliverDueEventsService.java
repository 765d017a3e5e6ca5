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
import dev.imbot.domain.delivery.DuePosition;
import dev.imbot.domain.delivery.HostGate;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.delivery.WebhookRequest;
import dev.imbot.domain.event.BotEvent;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Service: one round of delivery. Claims as many due deliveries as there are free slots (leaving
 * out hosts that are busy or refill themselves), parks those whose application waits for its
 * install ({@link ApplicationInstallUseCase}), starts an attempt for each other its host's slots
 * allow, holds more in the host's waiting line, and gives the rest back (a failing host's at its
 * next probe). Each attempt renders the {@code auth} blocks with tokens minted then ({@link
 * MintEventTokensUseCase}). When an attempt's exchange ends, its host's slot goes to what waits for
 * it (an attempt rendered ahead is sent at once, on the sender's thread; the rest runs on the
 * after-exchange executor), a line running short is refilled from the host's own backlog, and the
 * outcome is logged and judged by the {@link DeliveryPolicy}; a delivered {@code ONAPPINSTALL} lets
 * its application's parked events go, and the last {@code ONAPPUNINSTALL} delivered or dead drops
 * the application's pending events and finishes its uninstall.
 */
public final class DeliverDueEventsService implements DeliverDueEventsUseCase {
  private static final System.Logger LOG =
      System.getLogger(DeliverDueEventsService.class.getName());

  /**
   * How long a delivery waiting for its application's install is parked before it is looked at
   * again; the install's delivery makes it due at once anyway.
   */
  static final Duration INSTALL_WAIT = Duration.ofMinutes(5);

  /**
   * How long a draining host's refills read on from where the last one ended before one reads its
   * backlog from the start again, and so finds what the others passed by (a delivery whose lease
   * ran out, one given back due before where they read); a backlog that runs short does so too.
   */
  static final Duration READ_ON_FOR = Duration.ofSeconds(5);

  /**
   * A busy host's waiting line, per slot of the host, at its shortest: long enough that a refill
   * (claimed when the line is half empty) lands before the line runs dry.
   */
  static final int HOLD_PER_SLOT = 16;

  /**
   * A busy host's waiting line, per slot of the host, at its longest: what a host that answers at
   * once gets, so that its refills claim a few hundred rows at once instead of a few dozen, and a
   * refill slowed down by the machine's other work lands before the line runs dry (decision 187).
   */
  static final int MAX_HOLD_PER_SLOT = 128;

  /**
   * How long a busy host's line lasts at the pace it drained the last one, within {@link
   * #HOLD_PER_SLOT} and {@link #MAX_HOLD_PER_SLOT} per slot: at the default cap a host that takes
   * over two thousand attempts a second gets the longest line, one that takes under 256 the
   * shortest (a slow host's deliveries would otherwise wait past half their lease and be given
   * back); far below a lease either way (decision 182).
   */
  static final Duration LINE_SPAN = Duration.ofMillis(250);

  /**
   * How long an attempt rendered ahead for a held delivery may wait for its slot and still be sent
   * as rendered: its {@code ts} and {@code webhook-timestamp} (seconds) stay the attempt's time. An
   * older one is rendered again.
   */
  static final Duration RENDERED_FRESH = Duration.ofSeconds(1);

  /**
   * How many of a busy host's line are rendered ahead, per slot of the host: twice its slots, so
   * that an exchange ending with another slot's worth still rendered behind the one it sent can
   * leave its remaining work for the next task instead of waking one (decision 181).
   */
  static final int RENDER_AHEAD_PER_SLOT = 2;

  /**
   * The longest an ended exchange's work waits for a task when none was woken for it: the attempts
   * sent after it normally queue theirs within a slot's worth of exchanges and wake one, but a host
   * that stalls would leave it (and its outcome's write, so its lease) waiting for their timeouts.
   */
  static final Duration DEFERRED_AT_MOST = Duration.ofMillis(20);

  /**
   * The most tasks taking ended exchanges' work at once: more than one only while work waits, as
   * when rendering mints an OAuth application's tokens in the store.
   */
  static final int MAX_AFTER_WORKERS = 8;

  /** The most attempt outcomes one write stores. */
  static final int MAX_OUTCOMES_PER_WRITE = 256;

  /**
   * A write of fewer outcomes than this first waits {@link #STORE_LINGER} for more to end: a busy
   * host's outcomes went in writes of ten, each a transaction, a plan and four round trips
   * (decision 179).
   */
  static final int FULL_WRITE = 64;

  /** How long outcomes wait for others before a write that is not full. */
  static final Duration STORE_LINGER = Duration.ofMillis(5);

  static final String WAITING_FOR_INSTALL = "waiting for install: ONAPPINSTALL not delivered yet";
  static final String DROPPED = "dropped: the application was uninstalled";
  static final String INSTALL_OF_REMOVED =
      "held: the application was removed before its install was delivered";

  private static final String INSTALL = ApplicationEvent.ONAPPINSTALL.name();
  private static final String UNINSTALL = ApplicationEvent.ONAPPUNINSTALL.name();
  private static final String BOT_DELETE = BotEvent.BOT_DELETE.eventName();

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
  private final Executor afterExchange;
  private final Duration halfLease;
  private final int holdPerHost;
  private final int maxHoldPerHost;
  private final int fullWrite;
  private final Map<String, ArrayDeque<Held>> held = new HashMap<>();
  // Hosts that had more due than their slots, and the ones being refilled now (done when the
  // refill has ended; a stop waits for them too).
  private final Set<String> backlogged = new HashSet<>();
  private final Map<String, CompletableFuture<Void>> refilling = new HashMap<>();
  // Where each draining host's last refill ended, and since when refills read on ({@link #refill}).
  private final Map<String, ReadOn> readOns = new HashMap<>();
  // How long each draining host's line is, and what it held when its last refill ended.
  private final Map<String, Pace> paces = new HashMap<>();
  private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
  // Ended exchanges' work that waits for the executor, how much, and how many tasks take it: a
  // task per exchange woke a pooled thread for each attempt; one task takes it in turn while it
  // keeps up, more while it waits (decision 179).
  private final ConcurrentLinkedQueue<Runnable> afterWork = new ConcurrentLinkedQueue<>();
  private final AtomicInteger afterWorkQueued = new AtomicInteger();
  private final AtomicInteger afterWorkers = new AtomicInteger();
  // Whether a look at work left without a task is due within DEFERRED_AT_MOST.
  private final AtomicBoolean deferredWatched = new AtomicBoolean();
  private volatile boolean stopping;
  // Ended attempts whose outcomes wait to be stored, and whether a thread is storing some now.
  private final ArrayDeque<Ended> outcomes = new ArrayDeque<>();
  private boolean storing;

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
      Consumer<AttemptOutcome> observer,
      Executor afterExchange) {
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
    this.afterExchange = Objects.requireNonNull(afterExchange, "afterExchange");
    this.halfLease = lease.dividedBy(2);
    this.holdPerHost = HOLD_PER_SLOT * gate.perHost();
    this.maxHoldPerHost = MAX_HOLD_PER_SLOT * gate.perHost();
    // Never more than half of what the gate lets wait to be stored, or a write would wait for
    // outcomes the gate holds back.
    this.fullWrite = Math.min(FULL_WRITE, gate.maxUnstored() / 2);
  }

  @Override
  public DeliveryRound deliverDue(DeliverDueEventsCommand command) {
    if (stopping) {
      return DeliveryRound.none();
    }
    // What waits for a slot freed elsewhere (in all, or by a host's own attempts) starts first.
    for (String host : waitingHosts()) {
      startHeld(command, host);
    }
    int free = Math.min(gate.freeSlots(), command.batchSize());
    if (free <= 0) {
      return DeliveryRound.none();
    }
    Instant now = clock.instant();
    List<DueDelivery> claimed =
        deliveries.claim(command.worker(), now, now.plus(lease), free, skippedHosts(now));
    return new DeliveryRound(claimed.size(), start(command, claimed, now));
  }

  /**
   * Starts an attempt for each claimed delivery its host's slots allow and holds the others in
   * their host's waiting line while it has room; gives the rest back (a failing host's at its next
   * probe) in one write. Answers how many it started or holds.
   */
  private int start(DeliverDueEventsCommand command, List<DueDelivery> claimed, Instant now) {
    return start(command, claimed, now, false, 0);
  }

  /**
   * {@link #start(DeliverDueEventsCommand, List, Instant)}; with {@code leasedWhenDue}, each
   * delivery's lease began at its due time (taken at its enqueue), not {@code now}, and its place
   * in a waiting line counts from then. A refill's deliveries wait in a line of {@code refillLine};
   * others (0) in their host's line as it is.
   */
  private int start(
      DeliverDueEventsCommand command,
      List<DueDelivery> claimed,
      Instant now,
      boolean leasedWhenDue,
      int refillLine) {
    List<DueDelivery> deliverable = parkWaiting(command.worker(), claimed, now);
    List<Long> busy = new ArrayList<>();
    Map<Instant, List<Long>> untilProbe = new HashMap<>();
    Set<String> holding = new HashSet<>();
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
        untilProbe
            .computeIfAbsent(probe.filter(now::isBefore).orElse(now), at -> new ArrayList<>())
            .add(delivery.id());
        continue;
      }
      Held held =
          hold(command.worker(), delivery, leasedWhenDue ? delivery.dueAt() : now, refillLine);
      if (held == null) {
        busy.add(delivery.id());
      } else {
        track(held.done);
        holding.add(host);
        started++;
      }
    }
    // A slot may have come free between the refusal and the hold, with no attempt left to start
    // what waits: look again.
    for (String host : holding) {
      startHeld(command, host);
      renderAhead(host);
    }
    // Due again at once; their host's line refills from them as its attempts end.
    deliveries.deferAll(busy, command.worker(), now);
    untilProbe.forEach((at, ids) -> deliveries.deferAll(ids, command.worker(), at));
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
   * slots) and its waiting line runs short, hands a claim from its own backlog to the executor to
   * fill the line again. Answers whether it did: the refill then frees the slot if it finds
   * nothing.
   */
  private boolean refillLater(DeliverDueEventsCommand command, String host) {
    int room;
    int line;
    synchronized (this) {
      ArrayDeque<Held> queue = held.get(host);
      int waiting = queue == null ? 0 : queue.size();
      Pace pace = paces.get(host);
      if (stopping
          || !backlogged.contains(host)
          || refilling.containsKey(host)
          || waiting >= lineOf(pace) / 2
          || gate.nextProbeAt(host).isPresent()) {
        return false;
      }
      line = nextLine(pace, waiting, clock.instant());
      // A line shorter now than it was (the host slowed down) is refilled once half of it is left.
      if (waiting >= line / 2) {
        return false;
      }
      room = line - waiting;
      refilling.put(host, new CompletableFuture<>());
    }
    execute(
        () -> {
          try {
            if (refill(command, host, room, line) == 0 && !backlogged(host)) {
              command.slotFreed().run();
            }
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refilling the line of " + host + " failed", e);
          } finally {
            CompletableFuture<Void> refilled;
            synchronized (this) {
              refilled = refilling.remove(host);
            }
            refilled.complete(null);
          }
        });
    return true;
  }

  /** How long a host's line is now: the shortest until a refill measured its pace. */
  private int lineOf(Pace pace) {
    return pace == null ? holdPerHost : pace.line();
  }

  /**
   * How long a host's next line is: as many as it took from its last line in {@link #LINE_SPAN}
   * (what it held when its last refill ended, less what waits now, over the time since), within
   * {@link #HOLD_PER_SLOT} and {@link #MAX_HOLD_PER_SLOT} per slot; the shortest for a backlog's
   * first refill.
   */
  private int nextLine(Pace pace, int waiting, Instant now) {
    if (pace == null) {
      return holdPerHost;
    }
    long elapsedNanos = Duration.between(pace.refilledAt(), now).toNanos();
    if (elapsedNanos <= 0) {
      return pace.line();
    }
    int taken = pace.held() - waiting;
    if (taken <= 0) {
      // Its last refill left it nothing to take (parked, given back): no pace to go by.
      return holdPerHost;
    }
    double lasting = (double) taken * LINE_SPAN.toNanos() / elapsedNanos;
    return (int) Math.max(holdPerHost, Math.min(maxHoldPerHost, Math.ceil(lasting)));
  }

  /**
   * Claims up to {@code room} of the host's backlog and starts or holds them, for a line of {@code
   * line}; how many. It reads on from where the host's last refill ended ({@link #READ_ON_FOR}).
   */
  private int refill(DeliverDueEventsCommand command, String host, int room, int line) {
    if (stopping || room <= 0) {
      return 0;
    }
    Instant now = clock.instant();
    ReadOn readOn;
    synchronized (this) {
      readOn = readOns.get(host);
    }
    boolean fromStart = readOn == null || !now.isBefore(readOn.since.plus(READ_ON_FOR));
    List<DueDelivery> claimed =
        fromStart
            ? deliveries.claimOf(command.worker(), host, now, now.plus(lease), room)
            : deliveries.claimOf(command.worker(), host, now, now.plus(lease), room, readOn.after);
    boolean ranShort = claimed.size() < room;
    synchronized (this) {
      if (ranShort) {
        backlogged.remove(host);
        readOns.remove(host);
        paces.remove(host);
      } else {
        // Claims answer in their order: the last is where the next one reads on from.
        DuePosition last = claimed.get(claimed.size() - 1).position();
        readOns.put(host, new ReadOn(last, fromStart ? now : readOn.since));
      }
    }
    if (stopping) {
      // The stop began during the claim: given back at once, not started.
      deliveries.deferAll(claimed.stream().map(DueDelivery::id).toList(), command.worker(), now);
      return 0;
    }
    int started = start(command, claimed, now, false, line);
    synchronized (this) {
      // A backlog that ran short starts again from the shortest line.
      if (!ranShort && backlogged.contains(host)) {
        ArrayDeque<Held> queue = held.get(host);
        paces.put(host, new Pace(line, queue == null ? 0 : queue.size(), clock.instant()));
      }
    }
    return started;
  }

  /** Runs {@code task} on the after-exchange executor (here, while the executor is torn down). */
  private void execute(Runnable task) {
    try {
      afterExchange.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
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
          UNINSTALL.equals(delivery.event())
              || (INSTALL.equals(delivery.event())
                  ? install.mayDeliver(keyOf(delivery), INSTALL)
                  : installed.computeIfAbsent(
                      delivery.application(),
                      application -> install.mayDeliver(keyOf(delivery), delivery.event())));
      (may ? deliverable : waiting).add(delivery);
    }
    Map<String, DueDelivery> parkedApplications = new LinkedHashMap<>();
    for (DueDelivery delivery : waiting) {
      if (INSTALL.equals(delivery.event())) {
        // Its application is being uninstalled: it waits to be dropped with the rest.
        deliveries.park(delivery.id(), worker, now.plus(INSTALL_WAIT), INSTALL_OF_REMOVED);
        continue;
      }
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
   * An application removed without an {@code ONAPPUNINSTALL} to send finishes the same way when its
   * last {@code ONIMBOTDELETE} ends.
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
    } else if (BOT_DELETE.equals(delivery.event())
        && !(verdict instanceof Verdict.RetryAt)
        && install.uninstalling(keyOf(delivery))
        && !deliveries.hasPending(delivery.application(), UNINSTALL)
        && !deliveries.hasPending(delivery.application(), BOT_DELETE)) {
      // Removed without an ONAPPUNINSTALL to send (no handler URL): its last bot delete ends it.
      deliveries.drop(delivery.application(), DROPPED, now);
      install.uninstallFinished(keyOf(delivery));
    }
  }

  /**
   * A claimed delivery waiting for a slot of its host, which the next attempt to that host that
   * ends starts. {@code done} completes when its own attempt has ended (or it was given back). The
   * first few of a line have their attempt rendered ahead ({@link #renderAhead}), so that the end
   * of an exchange sends the next one at once, on the sender's own thread ({@link #takeReady}).
   */
  private static final class Held {
    final String worker;
    final DueDelivery delivery;
    final Instant claimedAt;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    // Guarded by the service: the attempt rendered ahead (null until it is, and once it was taken
    // or rendering failed), and whether one was ever begun (once is enough).
    Rendered rendered;
    boolean renderedAhead;

    Held(String worker, DueDelivery delivery, Instant claimedAt) {
      this.worker = worker;
      this.delivery = delivery;
      this.claimedAt = claimedAt;
    }
  }

  /**
   * A draining host's line: how long it is ({@code line}), and how many waited in it ({@code held})
   * when its last refill ended, at {@code refilledAt}.
   */
  private record Pace(int line, int held, Instant refilledAt) {}

  /** Where a host's refills read on from, since {@code since}. */
  private record ReadOn(DuePosition after, Instant since) {}

  /** An attempt rendered at {@code startedAt}, its number {@code number}, not sent yet. */
  private record Rendered(WebhookRequest request, int number, Instant startedAt) {
    boolean freshAt(Instant now) {
      return !now.isAfter(startedAt.plus(RENDERED_FRESH));
    }
  }

  /** Held past half its lease: another instance may claim it soon, so it is given back. */
  private boolean heldPastHalfLease(Held entry, Instant now) {
    return now.isAfter(entry.claimedAt.plus(halfLease));
  }

  private synchronized Held hold(String worker, DueDelivery delivery, Instant now, int refillLine) {
    // More was due for this host than its slots: its line refills from its backlog from now on.
    backlogged.add(delivery.host());
    ArrayDeque<Held> queue = held.computeIfAbsent(delivery.host(), h -> new ArrayDeque<>());
    if (queue.size() >= (refillLine > 0 ? refillLine : lineOf(paces.get(delivery.host())))) {
      return null;
    }
    Held entry = new Held(worker, delivery, now);
    queue.add(entry);
    return entry;
  }

  /**
   * Hosts a round leaves out: those no attempt can start to now (all their slots taken, or failing
   * with no probe due), and those with a backlog that their own waiting line refills as their
   * attempts end. Claiming their rows would only give them back.
   */
  private synchronized Set<String> skippedHosts(Instant now) {
    Set<String> skipped = new HashSet<>(gate.closedHosts(now));
    for (String host : backlogged) {
      if (refillsItself(host)) {
        skipped.add(host);
      }
    }
    return skipped;
  }

  private synchronized boolean refillsItself(String host) {
    ArrayDeque<Held> queue = held.get(host);
    return backlogged.contains(host)
        && (gate.inFlight(host) > 0 || (queue != null && !queue.isEmpty()));
  }

  @Override
  public boolean drainsItself(String host) {
    return refillsItself(host) || gate.closed(host, clock.instant());
  }

  @Override
  public boolean takesAtEnqueue(String host) {
    // With every slot in all taken it would only wait in this instance's line, where another
    // instance's claim cannot reach it: it waits in the store instead.
    return !stopping && gate.freeSlots() > 0 && !drainsItself(host);
  }

  @Override
  public void startTaken(DeliverDueEventsCommand command, List<DueDelivery> taken) {
    if (taken.isEmpty()) {
      return;
    }
    if (stopping) {
      giveBackTaken(command, taken);
      return;
    }
    // A taken delivery's lease began at its enqueue (its due time): one handed over late, with
    // less than half its lease left, is given back rather than attempted past its lease.
    Instant now = clock.instant();
    List<DueDelivery> fresh = new ArrayList<>(taken.size());
    List<Long> late = new ArrayList<>();
    for (DueDelivery delivery : taken) {
      if (now.isAfter(delivery.dueAt().plus(halfLease))) {
        late.add(delivery.id());
      } else {
        fresh.add(delivery);
      }
    }
    deliveries.deferAll(late, command.worker(), now);
    start(command, fresh, now, true, 0);
  }

  @Override
  public void giveBackTaken(DeliverDueEventsCommand command, List<DueDelivery> taken) {
    if (!taken.isEmpty()) {
      deliveries.deferAll(
          taken.stream().map(DueDelivery::id).toList(), command.worker(), clock.instant());
    }
  }

  private synchronized List<String> waitingHosts() {
    List<String> waiting = new ArrayList<>();
    held.forEach(
        (host, queue) -> {
          if (!queue.isEmpty()) {
            waiting.add(host);
          }
        });
    return waiting;
  }

  private synchronized boolean backlogged(String host) {
    return backlogged.contains(host);
  }

  /** Starts what waits for {@code host} while its slots allow; how many it started. */
  private int startHeld(DeliverDueEventsCommand command, String host) {
    int started = 0;
    while (true) {
      Held next;
      Instant now = clock.instant();
      boolean start = false;
      Rendered ready = null;
      Instant giveBackAt = now;
      synchronized (this) {
        ArrayDeque<Held> queue = held.get(host);
        if (queue == null || queue.isEmpty()) {
          return started;
        }
        next = queue.peek();
        if (heldPastHalfLease(next, now)) {
          queue.poll();
        } else if (gate.tryAcquire(host, now)) {
          queue.poll();
          ready = next.rendered;
          next.rendered = null;
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
      settle(
          next,
          ready != null && ready.freshAt(now)
              ? send(command, next.delivery, ready)
              : attempt(command, next.delivery, now));
    }
  }

  private void giveBack(Held entry, Instant dueAt) {
    try {
      deliveries.defer(entry.delivery.id(), entry.worker, dueAt);
    } finally {
      entry.done.complete(null);
    }
  }

  @Override
  public int inFlight() {
    return inFlight.size();
  }

  @Override
  public CompletableFuture<Void> stop() {
    stopping = true;
    // Work an exchange left for the next task is taken now, not when a later one comes.
    takeLeftWork(this::execute);
    return quiet();
  }

  /**
   * Done when no attempt and no refill is left: a refill is handed over before the outcome of the
   * attempt that asked for it is stored, and one that claimed as the stop began starts attempts of
   * its own, so this looks again until both are none.
   */
  private CompletableFuture<Void> quiet() {
    CompletableFuture<?>[] attempts = inFlight.toArray(CompletableFuture[]::new);
    CompletableFuture<?>[] refills;
    synchronized (this) {
      refills = refilling.values().toArray(CompletableFuture[]::new);
    }
    if (attempts.length == 0 && refills.length == 0) {
      return CompletableFuture.completedFuture(null);
    }
    // Looked at again on the executor, not in the thread that completed the last of them: the
    // attempts that end last start what waits for their hosts, generation after generation, and
    // each look from inside the completion before it overflowed the stack on a long line.
    // An attempt that failed was logged as it ended (track): it ends the wait like the others.
    return CompletableFuture.allOf(attempts)
        .handle((done, failure) -> null)
        .thenCompose(done -> CompletableFuture.allOf(refills))
        .handle((done, failure) -> null)
        .thenComposeAsync(done -> quiet(), this::execute);
  }

  @Override
  public void releaseClaims(String worker) {
    List<Held> waiting = new ArrayList<>();
    synchronized (this) {
      held.values().forEach(waiting::addAll);
      held.clear();
      readOns.clear();
      paces.clear();
    }
    try {
      deliveries.releaseAll(worker);
    } finally {
      waiting.forEach(entry -> entry.done.complete(null));
    }
  }

  /** Renders attempt {@code delivery} now and sends it; done when its outcome is stored. */
  private CompletableFuture<Void> attempt(
      DeliverDueEventsCommand command, DueDelivery delivery, Instant startedAt) {
    int number = delivery.attemptsMade() + 1;
    WebhookRequest request;
    try {
      request = render(delivery, number, startedAt);
    } catch (RuntimeException e) {
      return followed(command, delivery, number, startedAt, notSent(e));
    }
    return send(command, delivery, new Rendered(request, number, startedAt));
  }

  private WebhookRequest render(DueDelivery delivery, int number, Instant startedAt) {
    // Tokens are minted now, at the attempt: a retry hours later still carries live ones.
    EventAuth auth = tokens.mint(keyOf(delivery), delivery.event(), delivery.subjects());
    return WebhookRequest.render(
        delivery,
        auth.mergeInto(delivery.data()),
        auth.auth(),
        number,
        startedAt,
        secrets.keysOf(delivery.application()),
        userAgent);
  }

  private CompletableFuture<Void> send(
      DeliverDueEventsCommand command, DueDelivery delivery, Rendered rendered) {
    CompletableFuture<AttemptResult> sent;
    try {
      sent = sender.send(rendered.request());
    } catch (RuntimeException e) {
      sent = notSent(e);
    }
    return followed(command, delivery, rendered.number(), rendered.startedAt(), sent);
  }

  private static CompletableFuture<AttemptResult> notSent(RuntimeException e) {
    return CompletableFuture.completedFuture(
        new AttemptResult.Failed("not sent: " + e.getMessage(), Duration.ZERO));
  }

  /** Follows an attempt's exchange to its end; done when its outcome is stored. */
  private CompletableFuture<Void> followed(
      DeliverDueEventsCommand command,
      DueDelivery delivery,
      int number,
      Instant startedAt,
      CompletableFuture<AttemptResult> sent) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    sent.whenComplete(
        (result, failure) ->
            exchangeEnded(
                command,
                delivery,
                number,
                startedAt,
                result != null
                    ? result
                    : new AttemptResult.Failed("not sent: " + failure, Duration.ZERO),
                done));
    return done;
  }

  /** Completes {@code entry} when the attempt it started is done. */
  private static void settle(Held entry, CompletableFuture<Void> attempt) {
    attempt.whenComplete(
        (done, failure) -> {
          if (failure != null) {
            entry.done.completeExceptionally(failure);
          } else {
            entry.done.complete(null);
          }
        });
  }

  /**
   * As an exchange ends, on the sender's thread (which must not wait here): the host's slot goes at
   * once to the next attempt rendered ahead for it, sent on that thread, and the rest is handed to
   * the after-exchange executor: what waits unrendered, the outcome's write, the line's refill. A
   * hand-off to another thread and back for every attempt set the pace of a busy host's drain, four
   * attempts deep on two cores (decision 178).
   */
  private void exchangeEnded(
      DeliverDueEventsCommand command,
      DueDelivery delivery,
      int number,
      Instant startedAt,
      AttemptResult outcome,
      CompletableFuture<Void> done) {
    Instant endedAt = clock.instant();
    AttemptRecord record = AttemptRecord.of(number, startedAt, outcome);
    Verdict verdict = policy.judge(outcome, number, endedAt);
    String host = delivery.host();
    boolean allWereTaken = gate.exchangeEnded(host, record.succeeded(), endedAt);
    Ready ready = takeReadyLogged(host, endedAt);
    int started = ready.attempts().size();
    try {
      afterWork.add(
          () ->
              afterExchange(
                  command, delivery, record, verdict, endedAt, allWereTaken, started, done));
      int queued = afterWorkQueued.incrementAndGet();
      // A task more when none takes the work, or when more waits than the tasks taking it; but
      // not yet while this exchange's slot went at once to an attempt rendered ahead, a slot's
      // worth more wait rendered behind it and fewer than a slot's worth of work waits: the
      // attempts sent below end in turn and queue theirs, so a task woken later takes the work of
      // a few exchanges at once (or a look within DEFERRED_AT_MOST does). A wake-up per attempt
      // was a sixth of the worker's CPU in a drain (decision 181).
      if (started > 0
          && queued < gate.perHost()
          && !stopping
          && ready.renderedBehind() >= gate.perHost()) {
        watchLeftWork();
      } else if (claimAfterWorker(queued)) {
        execute(this::doAfterWork);
      }
    } finally {
      // Sent only now, after this exchange's work was queued: an attempt that ends at once (a
      // refusal, a failure to send) still finds it there. Sent whatever happened above: their
      // slots are taken and their lines no longer hold them.
      for (Taken taken : ready.attempts()) {
        settle(taken.entry(), send(command, taken.entry().delivery, taken.rendered()));
      }
    }
  }

  /**
   * Counts a task more for after-exchange work when none takes it or more waits than the tasks
   * taking it (up to {@link #MAX_AFTER_WORKERS}); whether the caller is to run one.
   */
  private boolean claimAfterWorker(int queued) {
    int workers = afterWorkers.get();
    return (workers == 0 || queued > workers)
        && workers < MAX_AFTER_WORKERS
        && afterWorkers.compareAndSet(workers, workers + 1);
  }

  /** Due within {@link #DEFERRED_AT_MOST}: a look at work left for a task while none was woken. */
  private void watchLeftWork() {
    if (deferredWatched.compareAndSet(false, true)) {
      CompletableFuture.delayedExecutor(
              DEFERRED_AT_MOST.toNanos(), TimeUnit.NANOSECONDS, this::execute)
          .execute(
              () -> {
                deferredWatched.set(false);
                // Already a task of the executor: it takes the work itself.
                takeLeftWork(Runnable::run);
              });
    }
  }

  /** Takes queued after-exchange work on {@code on} when the tasks taking it do not keep up. */
  private void takeLeftWork(Executor on) {
    if (!afterWork.isEmpty() && claimAfterWorker(afterWorkQueued.get())) {
      on.execute(this::doAfterWork);
    }
  }

  /** Takes queued after-exchange work until none is left. */
  private void doAfterWork() {
    boolean counted = true;
    try {
      while (true) {
        Runnable work = afterWork.poll();
        if (work == null) {
          afterWorkers.decrementAndGet();
          counted = false;
          // Work queued after the poll may have found this task still counted: take it back.
          int workers;
          do {
            workers = afterWorkers.get();
            if (afterWork.isEmpty() || workers >= MAX_AFTER_WORKERS) {
              return;
            }
          } while (!afterWorkers.compareAndSet(workers, workers + 1));
          counted = true;
          continue;
        }
        afterWorkQueued.decrementAndGet();
        try {
          work.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "the work after an exchange failed", e);
        }
      }
    } finally {
      // Ended by an Error: the count is given back, so the next work queued starts a task.
      if (counted) {
        afterWorkers.decrementAndGet();
      }
    }
  }

  /**
   * After an exchange, in a task taking such work: starts what waits for the host and was not
   * ready, hands the line's refill over, renders its next attempts ahead and queues the outcome,
   * handing its store over unless one is storing already.
   */
  private void afterExchange(
      DeliverDueEventsCommand command,
      DueDelivery delivery,
      AttemptRecord record,
      Verdict verdict,
      Instant endedAt,
      boolean allWereTaken,
      int startedReady,
      CompletableFuture<Void> done) {
    String host = delivery.host();
    int started = startedReady;
    try {
      started += startHeld(command, host);
      // The exchange is over: the host's slot went to what waits for it, while this outcome is
      // stored with others; so did the slot in all, and when every one was taken and this host has
      // nothing waiting, a round may give it to another host (decision 166).
      if (allWereTaken && started == 0) {
        command.slotFreed().run();
      }
      // The host's line is refilled by another task, while outcomes are stored by a third: this one
      // goes on rendering ahead, so that the sender's thread finds the next attempts ready.
      refillLater(command, host);
      renderAhead(host);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "starting or refilling what waits for " + host + " failed", e);
    } finally {
      // Queued only now: until its outcome is stored the attempt counts in flight, so a stop
      // learns of the refill above too and no claim lands after the claims are given back.
      synchronized (outcomes) {
        outcomes.add(new Ended(command, delivery, record, verdict, endedAt, started, done));
        if (storing) {
          return;
        }
        storing = true;
      }
    }
    execute(() -> storeEnded(false));
  }

  /** Attempts rendered ahead and taken to be sent, with how many fresh ones wait behind them. */
  private record Ready(List<Taken> attempts, int renderedBehind) {}

  /** A held delivery taken from its line with its attempt rendered ahead, its slot acquired. */
  private record Taken(Held entry, Rendered rendered) {}

  private static final Ready NONE_READY = new Ready(List.of(), 0);

  /** {@link #takeReady}, a failure logged (the sender's thread carries on): none taken. */
  private Ready takeReadyLogged(String host, Instant now) {
    try {
      return takeReady(host, now);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "starting what is ready for " + host + " failed", e);
      return NONE_READY;
    }
  }

  /**
   * On the sender's thread: takes what waits for {@code host} while its slots allow and the head of
   * its line has a fresh attempt rendered ahead, each slot acquired; the caller sends them. It
   * never renders nor gives back: whatever else the line needs is {@link #startHeld}'s, after the
   * exchange.
   */
  private synchronized Ready takeReady(String host, Instant now) {
    ArrayDeque<Held> queue = held.get(host);
    if (queue == null) {
      return NONE_READY;
    }
    List<Taken> taken = null;
    while (true) {
      Held next = queue.peek();
      if (next == null
          || next.rendered == null
          || !next.rendered.freshAt(now)
          || heldPastHalfLease(next, now)
          || !acquiredLogged(host, now)) {
        break;
      }
      queue.poll();
      if (taken == null) {
        taken = new ArrayList<>(2);
      }
      taken.add(new Taken(next, next.rendered));
      next.rendered = null;
    }
    if (taken == null) {
      return NONE_READY;
    }
    int behind = 0;
    int looked = 0;
    for (Held entry : queue) {
      if (looked++ >= RENDER_AHEAD_PER_SLOT * gate.perHost()) {
        break;
      }
      if (entry.rendered != null && entry.rendered.freshAt(now)) {
        behind++;
      }
    }
    return new Ready(taken, behind);
  }

  /** A slot of {@code host}; a failure logged and taken as none (what was taken is still sent). */
  private boolean acquiredLogged(String host, Instant now) {
    try {
      return gate.tryAcquire(host, now);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "taking a slot of " + host + " failed", e);
      return false;
    }
  }

  /**
   * Renders the attempts of the first of {@code host}'s line, twice as many as its slots, that have
   * none, so that the end of an exchange sends the next at once. One that grew old waiting (a slow
   * host) is not rendered ahead again: its attempt renders it when its slot comes, so a delivery's
   * tokens are minted at most twice. A render that fails is left to the attempt itself, which
   * renders again and records why it could not.
   */
  private void renderAhead(String host) {
    while (true) {
      Held next = null;
      Instant now = clock.instant();
      synchronized (this) {
        ArrayDeque<Held> queue = held.get(host);
        if (queue == null) {
          return;
        }
        int looked = 0;
        for (Held entry : queue) {
          if (looked++ >= RENDER_AHEAD_PER_SLOT * gate.perHost()) {
            break;
          }
          if (!entry.renderedAhead) {
            next = entry;
            break;
          }
        }
        if (next == null) {
          return;
        }
        next.renderedAhead = true;
      }
      Rendered rendered = null;
      try {
        int number = next.delivery.attemptsMade() + 1;
        rendered = new Rendered(render(next.delivery, number, now), number, now);
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "rendering ahead failed; the attempt renders again", e);
      } finally {
        synchronized (this) {
          next.rendered = rendered;
        }
      }
      if (rendered == null) {
        return;
      }
    }
  }

  /** An attempt whose exchange ended, its outcome waiting to be stored. */
  private record Ended(
      DeliverDueEventsCommand command,
      DueDelivery delivery,
      AttemptRecord record,
      Verdict verdict,
      Instant endedAt,
      int started,
      CompletableFuture<Void> done) {}

  /**
   * Stores ended attempts' outcomes, many in one write, as the one task storing (its caller set
   * {@code storing}): all that have queued up, again until none are left; the others only queue
   * theirs. One commit per attempt bounded a backlog's drain by the disk, not by the handler
   * (decision 129). A write that would not be full waits {@link #STORE_LINGER} first, unless the
   * service is stopping.
   */
  private void storeEnded(boolean lingered) {
    boolean handedOn = false;
    try {
      while (true) {
        List<Ended> batch;
        synchronized (outcomes) {
          if (outcomes.isEmpty()) {
            storing = false;
            handedOn = true;
            return;
          }
          if (!lingered && outcomes.size() < fullWrite && !stopping) {
            handedOn = true;
            CompletableFuture.delayedExecutor(
                    STORE_LINGER.toNanos(), TimeUnit.NANOSECONDS, this::execute)
                .execute(() -> storeEnded(true));
            return;
          }
          lingered = false;
          batch = new ArrayList<>(Math.min(outcomes.size(), MAX_OUTCOMES_PER_WRITE));
          while (!outcomes.isEmpty() && batch.size() < MAX_OUTCOMES_PER_WRITE) {
            batch.add(outcomes.poll());
          }
        }
        store(batch);
      }
    } finally {
      if (!handedOn) {
        synchronized (outcomes) {
          storing = false;
        }
      }
    }
  }

  private void store(List<Ended> batch) {
    List<Boolean> stored;
    try {
      stored =
          deliveries.finishAll(
              batch.stream()
                  .map(
                      e ->
                          new DueDeliveries.Outcome(
                              e.delivery().id(), e.command().worker(), e.record(), e.verdict()))
                  .toList());
    } catch (RuntimeException e) {
      // Nothing stored: each lease runs out and its delivery is attempted again.
      for (Ended ended : batch) {
        gate.attemptStored();
        ended.done().completeExceptionally(e);
      }
      return;
    }
    Map<String, Integer> startedPerHost = new LinkedHashMap<>();
    Map<String, DeliverDueEventsCommand> commandOfHost = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Ended ended = batch.get(i);
      try {
        if (stored.get(i)) {
          settleInstall(ended.delivery(), ended.verdict(), ended.endedAt());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "settling an install after an attempt failed", e);
      } finally {
        gate.attemptStored();
      }
      startedPerHost.merge(ended.delivery().host(), ended.started(), Integer::sum);
      commandOfHost.putIfAbsent(ended.delivery().host(), ended.command());
    }
    startedPerHost.forEach(
        (host, started) -> {
          DeliverDueEventsCommand command = commandOfHost.get(host);
          int more = 0;
          try {
            // What waits for this host may have been held back by the cap on outcomes not yet
            // stored, which these stored outcomes lifted.
            more = startHeld(command, host) + (refillLater(command, host) ? 1 : 0);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refilling the line of " + host + " failed", e);
          }
          if (started + more == 0 && !backlogged(host)) {
            command.slotFreed().run();
          }
        });
    for (Ended ended : batch) {
      try {
        observer.accept(new AttemptOutcome(ended.delivery(), ended.record(), ended.verdict()));
      } finally {
        ended.done().complete(null);
      }
    }
  }
}
