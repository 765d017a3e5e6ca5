package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.DeliveryFilter;
import java.util.Objects;

/** Command: replay every dead delivery {@code filter} matches (its status criterion is ignored). */
public record ReplayDeadDeliveriesCommand(DeliveryFilter filter) {
  public ReplayDeadDeliveriesCommand {
    Objects.requireNonNull(filter, "filter");
  }
}
