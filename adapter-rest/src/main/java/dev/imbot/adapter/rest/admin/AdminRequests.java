package dev.imbot.adapter.rest.admin;

import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads fields of the admin API's JSON bodies, refusing wrong types with a clear 400. */
final class AdminRequests {
  private AdminRequests() {}

  static String text(Map<String, Object> body, String field) {
    Object value = body == null ? null : body.get(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    throw new AdministrationException(Kind.INVALID, field + ": must be a string");
  }

  static long number(Map<String, Object> body, String field) {
    Object value = body == null ? null : body.get(field);
    if (value instanceof Number number && number.longValue() == number.doubleValue()) {
      return number.longValue();
    }
    throw new AdministrationException(Kind.INVALID, field + ": must be an integer");
  }

  static Instant instant(Map<String, Object> body, String field) {
    String text = text(body, field);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new AdministrationException(
          Kind.INVALID, field + ": must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }
  }
}
