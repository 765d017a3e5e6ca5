package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.DueDelivery;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Use case: claim the deliveries that are due and start their attempts, as many as the in-flight
 * caps let through; each attempt's outcome is logged and judged (delivered, retried, dead) when it
 * ends. A host with more due than its slots keeps a short waiting line, refilled from its own
 * backlog as its attempts end, so a round is needed only for new work or a slot left free.
 */
public interface DeliverDueEventsUseCase {
  DeliveryRound deliverDue(DeliverDueEventsCommand command);

  /**
   * Whether new work for {@code host} ({@code host:port}) needs no round: its waiting line refills
   * from its own backlog as its attempts end, or it is failing and waits for its probe. A round
   * would leave it out anyway, and on a long backlog its claim reads past every row of it.
   */
  boolean drainsItself(String host);

  /**
   * Whether a delivery to {@code host} enqueued in this instance now should be leased to this
   * instance's worker in its own unit of work and handed to {@link #startTaken} at the commit, with
   * no claim (decision 180): not while the host's backlog drains itself or the host is failing (new
   * work waits behind the old, in the store), nor with every slot in all taken, nor once a stop has
   * begun.
   */
  boolean takesAtEnqueue(String host);

  /**
   * Starts deliveries leased to {@code command}'s worker as they were enqueued, their leases
   * counted from their due time, as a claim's would be (those its hosts' slots do not allow wait in
   * line or are given back; one with less than half its lease left is given back); after a stop
   * began, gives them all back, due at once.
   */
  void startTaken(DeliverDueEventsCommand command, List<DueDelivery> taken);

  /** Gives back deliveries leased to {@code command}'s worker at their enqueue, due at once. */
  void giveBackTaken(DeliverDueEventsCommand command, List<DueDelivery> taken);

  /** Attempts started, and deliveries held for a slot, that have not ended, in this instance. */
  int inFlight();

  /**
   * Claims nothing more (a graceful shutdown begins); what is held still starts as slots free. Done
   * when every attempt started and every delivery held has ended.
   */
  CompletableFuture<Void> stop();

  /** Gives back every delivery {@code worker} still holds, due at once (a graceful shutdown). */
  void releaseClaims(String worker);
}
