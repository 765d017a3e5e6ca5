package dev.imbot.application.port.out.delivery;

import dev.imbot.domain.event.DeliveryStatus;
import java.time.Instant;

/**
 * Outgoing port: deletes finished deliveries with their attempt logs. Safe to call from several
 * instances at once: each call takes rows no other call holds, and never a pending delivery.
 */
public interface DeliveryRetention {

  /**
   * Deletes up to {@code limit} deliveries in {@code status} (delivered or dead) that finished
   * before {@code cutoff}, with their attempts; answers how many went.
   *
   * @throws IllegalArgumentException for {@code PENDING}: pending deliveries are never pruned
   */
  int prune(DeliveryStatus status, Instant cutoff, int limit);
}
