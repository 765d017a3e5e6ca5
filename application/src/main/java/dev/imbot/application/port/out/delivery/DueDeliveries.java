package dev.imbot.application.port.out.delivery;

import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.DuePosition;
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
   * recorded data and the subjects whose {@code auth} blocks the attempt renders.
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
   * As {@link #claim(String, Instant, Instant, int)}, only deliveries to {@code host}: its own
   * backlog, taken to refill its waiting line while its slots are busy.
   */
  List<DueDelivery> claimOf(String owner, String host, Instant now, Instant leaseUntil, int limit);

  /**
   * As {@link #claimOf(String, String, Instant, Instant, int)}, only deliveries that come after
   * {@code after} in the claims' order (due time, then id): a refill that goes on from the last
   * delivery the host's previous claim took, without reading past the ones that claim leased.
   */
  List<DueDelivery> claimOf(
      String owner, String host, Instant now, Instant leaseUntil, int limit, DuePosition after);

  /**
   * Logs {@code attempt} of delivery {@code id} and applies {@code verdict}, ending the lease; does
   * nothing and answers false when {@code owner} no longer holds the lease (it ran out and another
   * worker claimed the delivery).
   */
  boolean finish(long id, String owner, AttemptRecord attempt, Verdict verdict);

  /** One attempt's outcome to store: delivery {@code id}'s {@code attempt} and its verdict. */
  record Outcome(long id, String owner, AttemptRecord attempt, Verdict verdict) {}

  /**
   * As {@link #finish} for each outcome, all in one write (one commit for many attempts); answers,
   * in order, whether each was stored (false where the lease was no longer its owner's).
   */
  default List<Boolean> finishAll(List<Outcome> outcomes) {
    List<Boolean> stored = new java.util.ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      stored.add(finish(o.id(), o.owner(), o.attempt(), o.verdict()));
    }
    return stored;
  }

  /** Gives delivery {@code id} back unattempted, due again at {@code dueAt}. */
  default void defer(long id, String owner, Instant dueAt) {
    deferAll(List.of(id), owner, dueAt);
  }

  /** Gives deliveries {@code ids} back unattempted, due again at {@code dueAt}, in one write. */
  void deferAll(List<Long> ids, String owner, Instant dueAt);

  /**
   * Gives delivery {@code id} back unattempted, due again at {@code dueAt}, with {@code reason} as
   * its last error: it waits for something other than its handler (its application's install).
   */
  void park(long id, String owner, Instant dueAt, String reason);

  /**
   * Makes {@code application}'s pending deliveries that were never attempted and wait for a later
   * time (parked ones) due at {@code now}; how many.
   */
  int resume(String application, Instant now);

  /**
   * Ends every pending delivery of {@code application} dead with {@code reason}, finished at {@code
   * now}; how many.
   */
  int drop(String application, String reason, Instant now);

  /** Whether a delivery of {@code event} to {@code application} is still pending. */
  boolean hasPending(String application, String event);

  /** Gives back every delivery {@code owner} holds, due at once (a graceful shutdown). */
  void releaseAll(String owner);
}
