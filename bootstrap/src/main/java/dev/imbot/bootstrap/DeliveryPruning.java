package dev.imbot.bootstrap;

import dev.imbot.application.port.in.delivery.PruneDeliveriesUseCase;
import dev.imbot.application.port.in.delivery.PruneDeliveriesUseCase.Pruned;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes finished deliveries past their retention period every {@code
 * imbot.delivery.prune-interval} (10 minutes by default), in every instance: instances sharing a
 * database take disjoint batches, so running it everywhere is safe.
 */
@Singleton
public class DeliveryPruning {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryPruning.class);
  private final PruneDeliveriesUseCase prune;

  public DeliveryPruning(PruneDeliveriesUseCase prune) {
    this.prune = prune;
  }

  @Scheduled(
      fixedDelay = "${imbot.delivery.prune-interval:10m}",
      initialDelay = "${imbot.delivery.prune-interval:10m}")
  void prune() {
    try {
      Pruned pruned = prune.prune();
      if (pruned.total() > 0) {
        LOG.info(
            "deliveries past their retention deleted: {} delivered, {} dead",
            pruned.delivered(),
            pruned.dead());
      }
    } catch (RuntimeException e) {
      // The database may be away for a while; the next run tries again.
      LOG.warn("deliveries not pruned, trying again at the next run: {}", e.toString());
    }
  }
}
