package dev.imbot.adapter.console.view;

import dev.imbot.domain.event.Delivery;
import java.util.Locale;

/**
 * View model: one delivery a message caused, as a small badge beside it: the event, the application
 * it went to, and where it stands.
 *
 * @param event the event's name, e.g. {@code ONIMBOTMESSAGEADD}
 * @param application the receiving application's key
 * @param status {@code pending}, {@code delivered} or {@code dead}
 * @param attempts attempts made so far
 * @param cause the last failure's cause, empty when none
 */
public record DeliveryBadge(
    String event, String application, String status, int attempts, String cause) {

  public static DeliveryBadge of(Delivery delivery) {
    return new DeliveryBadge(
        delivery.event().event(),
        delivery.event().application().value(),
        delivery.status().name().toLowerCase(Locale.ROOT),
        delivery.attempts(),
        delivery.lastError() == null ? "" : delivery.lastError());
  }

  /** The badge's words, e.g. "ONIMBOTMESSAGEADD to app.alpha: delivered". */
  public String label() {
    return event + " to " + application + ": " + status;
  }

  /** What a pointer over it tells: attempts and the last cause. */
  public String title() {
    String tried = attempts == 1 ? "1 attempt" : attempts + " attempts";
    return cause.isEmpty() ? tried : tried + "; last: " + cause;
  }
}
