package dev.imbot.adapter.rest.admin;

import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the admin API's query parameters, refusing malformed ones with {@code 400 INVALID}. */
final class AdminQueries {
  private AdminQueries() {}

  /** A non-negative integer, or {@code absent} when blank. */
  static Long number(String field, String text, Long absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value < 0) {
        throw invalid(field + ": must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid(field + ": must be an integer");
    }
  }

  /** An ISO-8601 instant, or null when blank. */
  static Instant instant(String field, String text) {
    try {
      return text == null || text.isBlank() ? null : Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw invalid(field + ": must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }
  }

  /** The trimmed text, or null when blank. */
  static String text(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** A page of a list: {@code key} holds the items, with {@code total} and {@code next} if any. */
  static java.util.Map<String, Object> page(
      String key, java.util.List<?> items, long total, Integer next) {
    java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put(key, items);
    answer.put("total", total);
    if (next != null) {
      answer.put("next", next);
    }
    return answer;
  }

  static AdministrationException invalid(String message) {
    return new AdministrationException(Kind.INVALID, message);
  }
}
