package dev.imbot.adapter.rest.admin;

import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.Locale;

/** The admin API's delivery filters, from query parameters or a JSON body's fields. */
final class DeliveryFilters {
  private DeliveryFilters() {}

  static DeliveryFilter of(
      String application,
      String botId,
      String event,
      String handler,
      String status,
      String from,
      String to) {
    Long bot = AdminQueries.number("bot_id", botId, null);
    if (bot != null && bot == 0) {
      throw AdminQueries.invalid("bot_id: must be positive");
    }
    String name = AdminQueries.text(event);
    try {
      return new DeliveryFilter(
          AdminQueries.text(application),
          bot,
          name == null ? null : name.toUpperCase(Locale.ROOT),
          AdminQueries.text(handler),
          status(status),
          AdminQueries.instant("from", from),
          AdminQueries.instant("to", to));
    } catch (IllegalArgumentException invalid) {
      throw AdminQueries.invalid(invalid.getMessage());
    }
  }

  private static DeliveryStatus status(String text) {
    String value = AdminQueries.text(text);
    if (value == null) {
      return null;
    }
    for (DeliveryStatus status : DeliveryStatus.values()) {
      if (status.name().equalsIgnoreCase(value)) {
        return status;
      }
    }
    throw AdminQueries.invalid("status: pending, delivered or dead");
  }

  /** The application a path names; a key no application can have is not found. */
  static ApplicationKey application(String clientId) {
    try {
      return ApplicationKey.of(clientId);
    } catch (IllegalArgumentException impossible) {
      throw new AdministrationException(Kind.NOT_FOUND, "no application " + clientId);
    }
  }
}
