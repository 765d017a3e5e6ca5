package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * In-memory adapter of {@link DueDeliveries}: pending deliveries with their leases and attempt
 * logs, for embedders and tests. {@link #add} enqueues one and rings the listener, as a commit does
 * in the database adapter.
 */
public final class InMemoryDueDeliveries implements DueDeliveries {

  /** Where a delivery stands, with its attempt log. */
  public record Stored(
      DueDelivery delivery,
      String status,
      int attemptsMade,
      Instant nextAttemptAt,
      String leaseOwner,
      Instant leaseUntil,
      String lastError,
      List<AttemptRecord> attempts) {
    Stored with(
        String status,
        int attemptsMade,
        Instant nextAttemptAt,
        String leaseOwner,
        Instant leaseUntil,
        String lastError,
        List<AttemptRecord> attempts) {
      return new Stored(
          delivery,
          status,
          attemptsMade,
          nextAttemptAt,
          leaseOwner,
          leaseUntil,
          lastError,
          attempts);
    }
  }

  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String DEAD = "DEAD";

  private final Map<Long, Stored> deliveries = new TreeMap<>();
  private long lastId;
  private volatile Runnable onEnqueued = () -> {};

  /** Called after each {@link #add}: the worker's wake-up. */
  public void onEnqueued(Runnable listener) {
    this.onEnqueued = listener;
  }

  /**
   * Enqueues an event for {@code handlerUrl}, due at {@code dueAt}, with its {@code data[...]} and
   * the subjects whose {@code auth} blocks each attempt renders.
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
          new DueDelivery(id, application, event, handlerBindingId, handlerUrl, data, subjects, 0);
      deliveries.put(id, new Stored(delivery, PENDING, 0, dueAt, null, null, null, List.of()));
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

  @Override
  public synchronized List<DueDelivery> claim(
      String owner, Instant now, Instant leaseUntil, int limit, java.util.Set<String> skipped) {
    List<Stored> due =
        deliveries.values().stream()
            .filter(s -> s.status().equals(PENDING))
            .filter(s -> !s.nextAttemptAt().isAfter(now))
            .filter(s -> s.leaseUntil() == null || !s.leaseUntil().isAfter(now))
            .filter(s -> !skipped.contains(s.delivery().host()))
            .sorted(
                Comparator.comparing(Stored::nextAttemptAt).thenComparing(s -> s.delivery().id()))
            .limit(limit)
            .toList();
    List<DueDelivery> claimed = new ArrayList<>();
    for (Stored s : due) {
      deliveries.put(
          s.delivery().id(),
          s.with(
              s.status(),
              s.attemptsMade(),
              s.nextAttemptAt(),
              owner,
              leaseUntil,
              s.lastError(),
              s.attempts()));
      claimed.add(s.delivery().withAttemptsMade(s.attemptsMade()));
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
    List<AttemptRecord> log = new ArrayList<>(s.attempts());
    log.add(attempt);
    String status = PENDING;
    Instant next = s.nextAttemptAt();
    if (verdict instanceof Verdict.Delivered) {
      status = DELIVERED;
    } else if (verdict instanceof Verdict.Dead) {
      status = DEAD;
    } else if (verdict instanceof Verdict.RetryAt retry) {
      next = retry.at();
    }
    String error = verdict instanceof Verdict.Dead dead ? dead.reason() : attempt.cause();
    deliveries.put(
        id, s.with(status, s.attemptsMade() + 1, next, null, null, error, List.copyOf(log)));
    return true;
  }

  @Override
  public synchronized void defer(long id, String owner, Instant dueAt) {
    Stored s = deliveries.get(id);
    if (s != null && owner.equals(s.leaseOwner())) {
      deliveries.put(
          id, s.with(s.status(), s.attemptsMade(), dueAt, null, null, s.lastError(), s.attempts()));
    }
  }

  @Override
  public synchronized void park(long id, String owner, Instant dueAt, String reason) {
    Stored s = deliveries.get(id);
    if (s != null && owner.equals(s.leaseOwner())) {
      deliveries.put(
          id, s.with(s.status(), s.attemptsMade(), dueAt, null, null, reason, s.attempts()));
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
            s.with(
                s.status(), 0, now, s.leaseOwner(), s.leaseUntil(), s.lastError(), s.attempts()));
        resumed++;
      }
    }
    return resumed;
  }

  @Override
  public synchronized int drop(String application, String reason) {
    int dropped = 0;
    for (Stored s : List.copyOf(deliveries.values())) {
      if (s.delivery().application().equals(application) && s.status().equals(PENDING)) {
        deliveries.put(
            s.delivery().id(),
            s.with(DEAD, s.attemptsMade(), s.nextAttemptAt(), null, null, reason, s.attempts()));
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
                ? s.with(
                    s.status(),
                    s.attemptsMade(),
                    s.nextAttemptAt(),
                    null,
                    null,
                    s.lastError(),
                    s.attempts())
                : s);
  }
}
