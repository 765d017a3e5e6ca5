package dev.imbot.application.port.in.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one round started.
 *
 * @param claimed how many deliveries the round claimed
 * @param attempts one future per attempt started, done when its outcome is stored
 */
public record DeliveryRound(int claimed, List<CompletableFuture<Void>> attempts) {
  public DeliveryRound {
    attempts = List.copyOf(attempts);
  }

  public static DeliveryRound none() {
    return new DeliveryRound(0, List.of());
  }
}
