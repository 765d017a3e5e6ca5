package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.DeliveryFilter;
import java.util.Objects;

/**
 * Query: the deliveries {@code filter} matches, newest first, from offset {@code start}.
 *
 * @param start the offset of the page, 0 for the newest
 */
public record ListDeliveriesQuery(DeliveryFilter filter, int start) {
  public ListDeliveriesQuery {
    Objects.requireNonNull(filter, "filter");
    if (start < 0) {
      throw new IllegalArgumentException("start: must not be negative");
    }
  }
}
