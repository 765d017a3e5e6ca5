package dev.imbot.application.port.in.delivery;

import dev.imbot.application.port.in.Commands;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A worker's request for one round of deliveries.
 *
 * @param worker the claiming instance's name, unique among the instances sharing the store
 * @param batchSize the most deliveries one round claims
 * @param slotFreed called when an attempt of this worker ends and leaves its slot free (nothing of
 *     its host was waiting for it), so the worker runs a round for other hosts
 */
public record DeliverDueEventsCommand(
    @NotBlank String worker, @Positive int batchSize, @NotNull Runnable slotFreed) {
  public DeliverDueEventsCommand {
    Commands.requireValid(DeliverDueEventsCommand.class, worker, batchSize, slotFreed);
  }
}
