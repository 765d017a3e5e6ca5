package dev.imbot.application.port.out.delivery;

import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Outgoing port: the pending deliveries as workers see them. A claim is a lease: until it ends no
 * other worker (in this instance or another one sharing the store) gets the delivery, and when it
 * ends unreleased (the worker died) the delivery is due again.
 */
public interface DueDeliveries {

  /**
   * Claims up to {@code limit} pending deliveries due at {@code now} and not leased (or whose lease
   * ended), oldest due first, for {@code owner} until {@code leaseUntil}. Each comes with its
   * {@code auth} blocks rendered for this attempt.
   */
  default List<DueDelivery> claim(String owner, Instant now, Instant leaseUntil, int limit) {
    return claim(owner, now, leaseUntil, limit, Set.of());
  }

  /**
   * As {@link #claim(String, Instant, Instant, int)}, leaving out deliveries to {@code skipped}
   * hosts ({@code host:port}, see {@code HandlerHost}): those whose slots are all taken, so a busy
   * host's backlog never crowds the others out of a batch.
   */
  List<DueDelivery> claim(
      String owner, Instant now, Instant leaseUntil, int limit, Set<String> skipped);

  /**
   * Logs {@code attempt} of delivery {@code id} and applies {@code verdict}, ending the lease; does
   * nothing and answers false when {@code owner} no longer holds the lease (it ran out and another
   * worker claimed the delivery).
   */
  boolean finish(long id, String owner, AttemptRecord attempt, Verdict verdict);

  /** Gives delivery {@code id} back unattempted, due again at {@code dueAt}. */
  void defer(long id, String owner, Instant dueAt);

  /** Gives back every delivery {@code owner} holds, due at once (a graceful shutdown). */
  void releaseAll(String owner);
}
