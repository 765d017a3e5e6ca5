package dev.imbot.domain.delivery;

import dev.imbot.domain.event.DeliveryStatus;
import java.time.Instant;

/**
 * Which deliveries the operator looks at; every criterion is optional (null) and they combine with
 * AND.
 *
 * @param application the application whose handler receives them
 * @param botId a bot the event concerns (one of the bots whose blocks it carries, or the deleted
 *     bot of {@code ONIMBOTDELETE})
 * @param event the event's wire name, e.g. {@code ONIMBOTMESSAGEADD}
 * @param handlerUrl the handler URL, exactly
 * @param status pending, delivered or dead
 * @param from recorded at or after this instant
 * @param to recorded before this instant
 */
public record DeliveryFilter(
    String application,
    Long botId,
    String event,
    String handlerUrl,
    DeliveryStatus status,
    Instant from,
    Instant to) {

  public DeliveryFilter {
    if (botId != null && botId <= 0) {
      throw new IllegalArgumentException("bot_id: must be positive");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from: must be before to");
    }
  }

  /** No criterion: every delivery. */
  public static DeliveryFilter all() {
    return new DeliveryFilter(null, null, null, null, null, null, null);
  }

  /** The same criteria with {@code status} instead of this one's. */
  public DeliveryFilter withStatus(DeliveryStatus status) {
    return new DeliveryFilter(application, botId, event, handlerUrl, status, from, to);
  }

  /** Whether {@code delivery} meets every criterion (what a store without SQL filters by). */
  public boolean matches(DeliveryRecord delivery) {
    return (application == null || application.equals(delivery.application()))
        && (botId == null || delivery.botIds().contains(botId))
        && (event == null || event.equals(delivery.event()))
        && (handlerUrl == null || handlerUrl.equals(delivery.handlerUrl()))
        && (status == null || status == delivery.status())
        && (from == null || !delivery.createdAt().isBefore(from))
        && (to == null || delivery.createdAt().isBefore(to));
  }
}
