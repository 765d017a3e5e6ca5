package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.application.port.out.delivery.DeliveryReplays;
import dev.imbot.application.port.out.delivery.DeliveryRetention;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DeliveryBacklog;
import dev.imbot.domain.delivery.DeliveryDetails;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DeliveryPage;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.DuePosition;
import dev.imbot.domain.delivery.HandlerActivity;
import dev.imbot.domain.delivery.LoggedAttempt;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * In-memory adapter of the delivery store: pending deliveries with their leases and attempt logs as
 * workers see them ({@link DueDeliveries}), and as the operator reads, replays and prunes them, for
 * embedders and tests. {@link #add} enqueues one and rings the listener, as a commit does in the
 * database adapter.
 */
public final class InMemoryDueDeliveries
    implements DueDeliveries, DeliveryLog, DeliveryReplays, DeliveryRetention {

  /**
   * Where a delivery stands, with its attempt log.
   *
   * @param bots the bots the event concerns, ascending
   * @param createdAt when it was recorded
   * @param finishedAt when it was delivered or went dead, null while pending
   * @param replays how often it was replayed
   */
  public record Stored(
      DueDelivery delivery,
      String status,
      int attemptsMade,
      Instant nextAttemptAt,
      String leaseOwner,
      Instant leaseUntil,
      String lastError,
      List<LoggedAttempt> log,
      List<Long> bots,
      Instant createdAt,
      Instant finishedAt,
      int replays) {

    /** Its place in the order claims take deliveries in. */
    DuePosition position() {
      return new DuePosition(nextAttemptAt, delivery.id());
    }

    /** The attempt log without its series. */
    public List<AttemptRecord> attempts() {
      return log.stream().map(LoggedAttempt::attempt).toList();
    }

    Stored with(
        String status,
        int attemptsMade,
        Instant nextAttemptAt,
        String leaseOwner,
        Instant leaseUntil,
        String lastError) {
      return new Stored(
          delivery,
          status,
          attemptsMade,
          nextAttemptAt,
          leaseOwner,
          leaseUntil,
          lastError,
          log,
          bots,
          createdAt,
          finishedAt,
          replays);
    }

    DeliveryRecord record() {
      return new DeliveryRecord(
          delivery.id(),
          delivery.application(),
          delivery.event(),
          delivery.handlerUrl(),
          bots,
          DeliveryStatus.valueOf(status),
          attemptsMade,
          replays,
          createdAt,
          nextAttemptAt,
          finishedAt,
          lastError);
    }
  }

  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String DEAD = "DEAD";

  /** An attempt of a delivery, in the order attempts were logged (as the database's ids are). */
  private record Logged(long deliveryId, AttemptRecord attempt) {}

  private final Map<Long, Stored> deliveries = new TreeMap<>();
  private final List<Logged> attemptLog = new ArrayList<>();
  private long lastId;
  private volatile Runnable onEnqueued = () -> {};

  /** Called after each {@link #add} and replay: the worker's wake-up. */
  public void onEnqueued(Runnable listener) {
    this.onEnqueued = listener;
  }

  /**
   * Enqueues an event for {@code handlerUrl}, due at {@code dueAt}, with its {@code data[...]} and
   * the subjects whose {@code auth} blocks each attempt renders; recorded at {@code dueAt}.
   *
   * @return the delivery's id
   */
  public long add(
      String application,
      String event,
      long handlerBindingId,
      String handlerUrl,
      EventData data,
      AuthSubjects subjects,
      Instant dueAt) {
    long id;
    synchronized (this) {
      id = ++lastId;
      DueDelivery delivery =
          new DueDelivery(
              id, application, event, handlerBindingId, handlerUrl, data, subjects, 0, dueAt);
      deliveries.put(
          id,
          new Stored(
              delivery,
              PENDING,
              0,
              dueAt,
              null,
              null,
              null,
              List.of(),
              PendingEvent.botsConcerned(data, subjects).stream()
                  .map(UserId::value)
                  .sorted()
                  .toList(),
              dueAt,
              null,
              0));
    }
    onEnqueued.run();
    return id;
  }

  /** Delivery {@code id} as it stands. */
  public synchronized Optional<Stored> find(long id) {
    return Optional.ofNullable(deliveries.get(id));
  }

  /** Every delivery, in id order. */
  public synchronized List<Stored> all() {
    return List.copyOf(deliveries.values());
  }

  // The worker's side

  @Override
  public synchronized List<DueDelivery> claim(
      String owner, Instant now, Instant leaseUntil, int limit, java.util.Set<String> skipped) {
    return claimWhere(owner, now, leaseUntil, limit, s -> !skipped.contains(s.delivery().host()));
  }

  @Override
  public synchronized List<DueDelivery> claimOf(
      String owner, String host, Instant now, Instant leaseUntil, int limit) {
    return claimWhere(owner, now, leaseUntil, limit, s -> host.equals(s.delivery().host()));
  }

  @Override
  public synchronized List<DueDelivery> claimOf(
      String owner, String host, Instant now, Instant leaseUntil, int limit, DuePosition after) {
    return claimWhere(
        owner,
        now,
        leaseUntil,
        limit,
        s -> host.equals(s.delivery().host()) && s.position().compareTo(after) > 0);
  }

  private List<DueDelivery> claimWhere(
      String owner,
      Instant now,
      Instant leaseUntil,
      int limit,
      java.util.function.Predicate<Stored> wanted) {
    List<Stored> due =
        deliveries.values().stream()
            .filter(s -> s.status().equals(PENDING))
            .filter(s -> !s.nextAttemptAt().isAfter(now))
            .filter(s -> s.leaseUntil() == null || !s.leaseUntil().isAfter(now))
            .filter(wanted)
            .sorted(Comparator.comparing(Stored::position))
            .limit(limit)
            .toList();
    List<DueDelivery> claimed = new ArrayList<>();
    for (Stored s : due) {
      deliveries.put(
          s.delivery().id(),
          s.with(
              s.status(), s.attemptsMade(), s.nextAttemptAt(), owner, leaseUntil, s.lastError()));
      claimed.add(s.delivery().claimedAs(s.attemptsMade(), s.nextAttemptAt()));
    }
    return claimed;
  }

  @Override
  public synchronized boolean finish(
      long id, String owner, AttemptRecord attempt, Verdict verdict) {
    Stored s = deliveries.get(id);
    if (s == null || !owner.equals(s.leaseOwner())) {
      return false;
    }
    List<LoggedAttempt> log = new ArrayList<>(s.log());
    log.add(new LoggedAttempt(s.replays() + 1, attempt));
    attemptLog.add(new Logged(id, attempt));
    String status = PENDING;
    Instant next = s.nextAttemptAt();
    Instant finished = null;
    if (verdict instanceof Verdict.Delivered) {
      status = DELIVERED;
    } else if (verdict instanceof Verdict.Dead) {
      status = DEAD;
    } else if (verdict instanceof Verdict.RetryAt retry) {
      next = retry.at();
    }
    if (!status.equals(PENDING)) {
      finished = attempt.startedAt().plus(attempt.duration());
    }
    String error = verdict instanceof Verdict.Dead dead ? dead.reason() : attempt.cause();
    deliveries.put(
        id,
        new Stored(
            s.delivery(),
            status,
            s.attemptsMade() + 1,
            next,
            null,
            null,
            error,
            List.copyOf(log),
            s.bots(),
            s.createdAt(),
            finished,
            s.replays()));
    return true;
  }

  @Override
  public synchronized void deferAll(List<Long> ids, String owner, Instant dueAt) {
    for (long id : ids) {
      Stored s = deliveries.get(id);
      if (s != null && owner.equals(s.leaseOwner())) {
        deliveries.put(id, s.with(s.status(), s.attemptsMade(), dueAt, null, null, s.lastError()));
      }
    }
  }

  @Override
  public synchronized void park(long id, String owner, Instant dueAt, String reason) {
    Stored s = deliveries.get(id);
    if (s != null && owner.equals(s.leaseOwner())) {
      deliveries.put(id, s.with(s.status(), s.attemptsMade(), dueAt, null, null, reason));
    }
  }

  @Override
  public synchronized int resume(String application, Instant now) {
    int resumed = 0;
    for (Stored s : List.copyOf(deliveries.values())) {
      if (s.delivery().application().equals(application)
          && s.status().equals(PENDING)
          && s.attemptsMade() == 0
          && s.nextAttemptAt().isAfter(now)) {
        deliveries.put(
            s.delivery().id(),
            s.with(s.status(), 0, now, s.leaseOwner(), s.leaseUntil(), s.lastError()));
        resumed++;
      }
    }
    return resumed;
  }

  @Override
  public synchronized int drop(String application, String reason, Instant now) {
    int dropped = 0;
    for (Stored s : List.copyOf(deliveries.values())) {
      if (s.delivery().application().equals(application) && s.status().equals(PENDING)) {
        deliveries.put(
            s.delivery().id(),
            new Stored(
                s.delivery(),
                DEAD,
                s.attemptsMade(),
                s.nextAttemptAt(),
                null,
                null,
                reason,
                s.log(),
                s.bots(),
                s.createdAt(),
                now,
                s.replays()));
        dropped++;
      }
    }
    return dropped;
  }

  @Override
  public synchronized boolean hasPending(String application, String event) {
    return deliveries.values().stream()
        .anyMatch(
            s ->
                s.delivery().application().equals(application)
                    && s.delivery().event().equals(event)
                    && s.status().equals(PENDING));
  }

  @Override
  public synchronized void releaseAll(String owner) {
    deliveries.replaceAll(
        (id, s) ->
            owner.equals(s.leaseOwner())
                ? s.with(s.status(), s.attemptsMade(), s.nextAttemptAt(), null, null, s.lastError())
                : s);
  }

  // The operator's side

  @Override
  public synchronized DeliveryPage find(DeliveryFilter filter, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit are never negative");
    }
    List<DeliveryRecord> matching =
        deliveries.values().stream()
            .map(Stored::record)
            .filter(filter::matches)
            .sorted(Comparator.comparingLong(DeliveryRecord::id).reversed())
            .toList();
    List<DeliveryRecord> page = matching.stream().skip(offset).limit(limit).toList();
    return DeliveryPage.of(page, matching.size(), offset, limit);
  }

  @Override
  public synchronized Optional<DeliveryDetails> details(long id) {
    return find(id)
        .map(
            s ->
                new DeliveryDetails(
                    s.record(), s.delivery().handlerBindingId(), s.delivery().data(), s.log()));
  }

  @Override
  public synchronized List<HandlerActivity> activity(Instant since, String application) {
    Map<String, List<AttemptRecord>> byHandler = new TreeMap<>();
    for (Logged logged : attemptLog) {
      Stored s = deliveries.get(logged.deliveryId());
      if (s == null
          || logged.attempt().startedAt().isBefore(since)
          || (application != null && !application.equals(s.delivery().application()))) {
        continue;
      }
      byHandler
          .computeIfAbsent(s.delivery().handlerUrl(), k -> new ArrayList<>())
          .add(logged.attempt());
    }
    return byHandler.entrySet().stream()
        .map(e -> HandlerActivity.of(e.getKey(), e.getValue()))
        .toList();
  }

  @Override
  public synchronized DeliveryBacklog backlog() {
    long pending = 0;
    long dead = 0;
    Instant oldest = null;
    for (Stored s : deliveries.values()) {
      if (s.status().equals(PENDING)) {
        pending++;
        oldest = oldest == null || s.createdAt().isBefore(oldest) ? s.createdAt() : oldest;
      } else if (s.status().equals(DEAD)) {
        dead++;
      }
    }
    return new DeliveryBacklog(pending, oldest, dead);
  }

  @Override
  public Replay replay(long id, Instant now) {
    Replay outcome;
    synchronized (this) {
      Stored s = deliveries.get(id);
      if (s == null) {
        return Replay.UNKNOWN;
      }
      if (s.status().equals(PENDING)) {
        return Replay.ALREADY_PENDING;
      }
      deliveries.put(id, replayed(s, now));
      outcome = Replay.REPLAYED;
    }
    onEnqueued.run();
    return outcome;
  }

  @Override
  public int replayDead(DeliveryFilter filter, Instant now, int limit) {
    int replayed = 0;
    synchronized (this) {
      DeliveryFilter dead = filter.withStatus(DeliveryStatus.DEAD);
      for (Stored s : List.copyOf(deliveries.values())) {
        if (replayed == limit) {
          break;
        }
        if (dead.matches(s.record())) {
          deliveries.put(s.delivery().id(), replayed(s, now));
          replayed++;
        }
      }
    }
    if (replayed > 0) {
      onEnqueued.run();
    }
    return replayed;
  }

  private static Stored replayed(Stored s, Instant now) {
    return new Stored(
        s.delivery(),
        PENDING,
        0,
        now,
        null,
        null,
        null,
        s.log(),
        s.bots(),
        s.createdAt(),
        null,
        s.replays() + 1);
  }

  @Override
  public synchronized int prune(DeliveryStatus status, Instant cutoff, int limit) {
    if (status == DeliveryStatus.PENDING) {
      throw new IllegalArgumentException("pending deliveries are never pruned");
    }
    List<Stored> prunable =
        deliveries.values().stream()
            .filter(s -> s.status().equals(status.name()))
            .filter(s -> s.finishedAt().isBefore(cutoff))
            .sorted(Comparator.comparing(Stored::finishedAt).thenComparing(s -> s.delivery().id()))
            .limit(limit)
            .toList();
    prunable.forEach(s -> deliveries.remove(s.delivery().id()));
    attemptLog.removeIf(logged -> !deliveries.containsKey(logged.deliveryId()));
    return prunable.size();
  }
}
