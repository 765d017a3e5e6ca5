package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.DeliveryPage;

/** Use case (operator): the stored deliveries, filtered, newest first, a page at a time. */
public interface ListDeliveriesUseCase {
  /** Deliveries per page. */
  int PAGE_SIZE = 50;

  DeliveryPage list(ListDeliveriesQuery query);
}
