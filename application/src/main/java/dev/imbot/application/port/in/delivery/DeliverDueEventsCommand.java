package dev.imbot.application.port.in.delivery;

import dev.imbot.application.port.in.Commands;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * A worker's request for one round of deliveries.
 *
 * @param worker the claiming instance's name, unique among the instances sharing the store
 * @param batchSize the most deliveries one round claims
 */
public record DeliverDueEventsCommand(@NotBlank String worker, @Positive int batchSize) {
  public DeliverDueEventsCommand {
    Commands.requireValid(DeliverDueEventsCommand.class, worker, batchSize);
  }
}
