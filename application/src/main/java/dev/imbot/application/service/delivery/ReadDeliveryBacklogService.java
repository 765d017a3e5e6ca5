package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.ReadDeliveryBacklogUseCase;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.domain.delivery.DeliveryBacklog;
import java.util.Objects;

/** Service: the store's backlog, for the metrics. */
public final class ReadDeliveryBacklogService implements ReadDeliveryBacklogUseCase {
  private final DeliveryLog log;

  public ReadDeliveryBacklogService(DeliveryLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public DeliveryBacklog backlog() {
    return log.backlog();
  }
}
