package dev.imbot.application.port.out.delivery;

import dev.imbot.domain.delivery.DeliveryFilter;
import java.time.Instant;

/**
 * Outgoing port: starts deliveries over, the operator's replay. A replayed delivery is pending
 * again, due at once, with a new series of attempts (numbered from 1, on the retry schedule from
 * its start) and the same id, so its {@code webhook-id} stays. Joins the caller's unit of work.
 */
public interface DeliveryReplays {

  /** What became of a replay of one delivery. */
  enum Replay {
    /** It was delivered or dead, and is pending again. */
    REPLAYED,
    /** It is pending already: its series goes on, nothing changed. */
    ALREADY_PENDING,
    /** No delivery has that id (or it was pruned). */
    UNKNOWN
  }

  /** Replays delivery {@code id} at {@code now}, unless it is pending. */
  Replay replay(long id, Instant now);

  /**
   * Replays up to {@code limit} of the dead deliveries {@code filter} matches (its own status is
   * ignored), oldest first; answers how many.
   */
  int replayDead(DeliveryFilter filter, Instant now, int limit);
}
