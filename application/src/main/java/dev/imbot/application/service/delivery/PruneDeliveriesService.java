package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.PruneDeliveriesUseCase;
import dev.imbot.application.port.out.delivery.DeliveryRetention;
import dev.imbot.domain.delivery.RetentionPolicy;
import dev.imbot.domain.event.DeliveryStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Service: keeps finished deliveries to their retention periods. Deletes in batches, each its own
 * short transaction, so pruning a backlog never holds many rows locked; at most {@code maxBatches}
 * per status in one run (the next run goes on), so one run stays short.
 */
public final class PruneDeliveriesService implements PruneDeliveriesUseCase {
  private final DeliveryRetention retention;
  private final RetentionPolicy policy;
  private final Clock clock;
  private final int batchSize;
  private final int maxBatches;

  public PruneDeliveriesService(
      DeliveryRetention retention,
      RetentionPolicy policy,
      Clock clock,
      int batchSize,
      int maxBatches) {
    if (batchSize < 1 || maxBatches < 1) {
      throw new IllegalArgumentException("batch size and count are positive");
    }
    this.retention = Objects.requireNonNull(retention, "retention");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.batchSize = batchSize;
    this.maxBatches = maxBatches;
  }

  public PruneDeliveriesService(DeliveryRetention retention, RetentionPolicy policy, Clock clock) {
    this(retention, policy, clock, 1000, 100);
  }

  @Override
  public Pruned prune() {
    Instant now = clock.instant();
    int delivered = prune(DeliveryStatus.DELIVERED, policy.deliveredCutoff(now));
    int dead = prune(DeliveryStatus.DEAD, policy.deadCutoff(now));
    return new Pruned(delivered, dead);
  }

  private int prune(DeliveryStatus status, Instant cutoff) {
    int total = 0;
    for (int batch = 0; batch < maxBatches; batch++) {
      int deleted = retention.prune(status, cutoff, batchSize);
      total += deleted;
      if (deleted < batchSize) {
        break;
      }
    }
    return total;
  }
}
