package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.ListDeliveriesQuery;
import dev.imbot.application.port.in.delivery.ListDeliveriesUseCase;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.domain.delivery.DeliveryPage;
import java.util.Objects;

/** Service: pages of the stored deliveries. */
public final class ListDeliveriesService implements ListDeliveriesUseCase {
  private final DeliveryLog log;

  public ListDeliveriesService(DeliveryLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public DeliveryPage list(ListDeliveriesQuery query) {
    return log.find(query.filter(), query.start(), PAGE_SIZE);
  }
}
