package dev.imbot.domain.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a delivery stands in the order claims take pending deliveries in: due time, then id.
 *
 * @param dueAt when it was due
 * @param id the delivery's id
 */
public record DuePosition(Instant dueAt, long id) implements Comparable<DuePosition> {
  public DuePosition {
    Objects.requireNonNull(dueAt, "dueAt");
  }

  @Override
  public int compareTo(DuePosition other) {
    int byTime = dueAt.compareTo(other.dueAt);
    return byTime != 0 ? byTime : Long.compare(id, other.id);
  }
}
