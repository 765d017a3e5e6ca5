package dev.imbot.application.port.in.delivery;

/**
 * Use case: claim the deliveries that are due and start their attempts, as many as the in-flight
 * caps let through; each attempt's outcome is logged and judged (delivered, retried, dead) when it
 * ends.
 */
public interface DeliverDueEventsUseCase {
  DeliveryRound deliverDue(DeliverDueEventsCommand command);

  /** Attempts in flight now, in this instance. */
  int inFlight();

  /** Gives back every delivery {@code worker} still holds, due at once (a graceful shutdown). */
  void releaseClaims(String worker);
}
