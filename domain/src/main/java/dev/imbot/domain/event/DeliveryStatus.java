package dev.imbot.domain.event;

/** Where a delivery stands: waiting for an attempt, done, or given up (kept for replay). */
public enum DeliveryStatus {
  PENDING,
  DELIVERED,
  DEAD
}
