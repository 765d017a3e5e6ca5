package dev.imbot.adapter.console.view;

import dev.imbot.domain.delivery.DeliveryRecord;
import java.util.stream.Collectors;

/**
 * View model: one delivery in the table: its link, when, what, to whom, its state in words and its
 * last failure.
 */
public record DeliveryRow(
    long id,
    String href,
    String createdAt,
    String event,
    String application,
    String handlerUrl,
    String bots,
    String statusWord,
    String statusClass,
    int attempts,
    int replays,
    String lastError) {

  public static DeliveryRow of(DeliveryRecord delivery) {
    String status = delivery.status().name().toLowerCase(java.util.Locale.ROOT);
    return new DeliveryRow(
        delivery.id(),
        "/console/deliveries/" + delivery.id(),
        Times.utc(delivery.createdAt()),
        delivery.event(),
        delivery.application(),
        delivery.handlerUrl(),
        delivery.botIds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
        Character.toUpperCase(status.charAt(0)) + status.substring(1),
        "status-" + status,
        delivery.attempts(),
        delivery.replays(),
        delivery.lastError() == null ? "" : delivery.lastError());
  }
}
