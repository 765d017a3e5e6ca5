package dev.imbot.domain.delivery;

import java.util.List;

/**
 * A page of deliveries, newest first, and how many match in all.
 *
 * @param next the offset of the next page, null when this is the last
 */
public record DeliveryPage(List<DeliveryRecord> deliveries, long total, Integer next) {

  public DeliveryPage {
    deliveries = List.copyOf(deliveries);
    if (total < deliveries.size()) {
      throw new IllegalArgumentException("a page holds no more than the total");
    }
  }

  /** The page at {@code offset} of {@code limit} entries, out of {@code total}. */
  public static DeliveryPage of(
      List<DeliveryRecord> deliveries, long total, int offset, int limit) {
    long end = (long) offset + deliveries.size();
    return new DeliveryPage(
        deliveries, total, deliveries.size() == limit && end < total ? (int) end : null);
  }
}
