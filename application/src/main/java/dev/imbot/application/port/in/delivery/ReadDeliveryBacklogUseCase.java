package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.DeliveryBacklog;

/** Use case: how many deliveries are pending (and since when the oldest) and how many are dead. */
public interface ReadDeliveryBacklogUseCase {

  DeliveryBacklog backlog();
}
