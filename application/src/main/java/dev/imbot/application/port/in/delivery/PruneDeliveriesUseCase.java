package dev.imbot.application.port.in.delivery;

/**
 * Use case: deletes the deliveries past their retention period (delivered 7 days, dead 30 days by
 * default) with their attempt logs; never a pending one.
 */
public interface PruneDeliveriesUseCase {

  Pruned prune();

  /** How many deliveries went, by status. */
  record Pruned(int delivered, int dead) {
    public int total() {
      return delivered + dead;
    }
  }
}
