package dev.imbot.adapter.console.view;

import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.event.DeliveryStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * View model: the Deliveries page's filters as typed (status, application, bot id, event, handler
 * URL, from and to in UTC) and the page asked for. Blank filters mean "any"; a filter that cannot
 * be read is said in words by {@link #problem()} and matches nothing.
 */
public record DeliverySearch(
    String status,
    String application,
    String bot,
    String event,
    String handler,
    String from,
    String to,
    int page) {

  public DeliverySearch {
    status = trim(status).toLowerCase(Locale.ROOT);
    application = trim(application);
    bot = trim(bot);
    event = trim(event).toUpperCase(Locale.ROOT);
    handler = trim(handler);
    from = trim(from);
    to = trim(to);
    page = Math.max(1, page);
  }

  /** Reads the query parameters as sent (any may be null; a page that is not a number is 1). */
  public static DeliverySearch of(
      String status,
      String application,
      String bot,
      String event,
      String handler,
      String from,
      String to,
      String page) {
    int number = 1;
    try {
      number = page == null ? 1 : Integer.parseInt(page.strip());
    } catch (NumberFormatException notANumber) {
      number = 1;
    }
    return new DeliverySearch(status, application, bot, event, handler, from, to, number);
  }

  /**
   * The filter for the use cases.
   *
   * @throws IllegalArgumentException saying in words which filter cannot be read
   */
  public DeliveryFilter filter() {
    DeliveryStatus wanted = null;
    if (!status.isEmpty()) {
      try {
        wanted = DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException("Status: choose pending, delivered or dead.");
      }
    }
    Long botId = null;
    if (!bot.isEmpty()) {
      try {
        botId = Long.parseLong(bot);
      } catch (NumberFormatException notANumber) {
        botId = -1L;
      }
      if (botId <= 0) {
        throw new IllegalArgumentException("Bot: a bot's id is a whole number above 0.");
      }
    }
    Instant since = instant("From", from);
    Instant until = instant("To", to);
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("From must be before To.");
    }
    return new DeliveryFilter(
        blankToNull(application),
        botId,
        blankToNull(event),
        blankToNull(handler),
        wanted,
        since,
        until);
  }

  /** Why the filter cannot be read, in words, or null when it can. */
  public String problem() {
    try {
      filter();
      return null;
    } catch (IllegalArgumentException unreadable) {
      return unreadable.getMessage();
    }
  }

  public boolean filtered() {
    return !(status + application + bot + event + handler + from + to).isEmpty();
  }

  /** The filters as name and value, for the hidden fields of a form that acts on them. */
  public Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "status", status);
    put(fields, "application", application);
    put(fields, "bot", bot);
    put(fields, "event", event);
    put(fields, "handler", handler);
    put(fields, "from", from);
    put(fields, "to", to);
    return fields;
  }

  /** The address of another page of the same search. */
  public String hrefOfPage(int number) {
    List<String> query = new ArrayList<>();
    fields()
        .forEach(
            (name, value) ->
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    if (number > 1) {
      query.add("page=" + number);
    }
    return "/console/deliveries" + (query.isEmpty() ? "" : "?" + String.join("&", query));
  }

  /** This search, from its first page. */
  public String href() {
    return hrefOfPage(1);
  }

  /** {@code 2026-12-04T10:00} (a browser's date-time field, read as UTC) or an ISO instant. */
  private static Instant instant(String label, String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
          ? java.time.OffsetDateTime.parse(text).toInstant()
          : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException unreadable) {
      throw new IllegalArgumentException(
          label + ": write a date and time in UTC such as 2026-12-04T10:00.");
    }
  }

  private static void put(Map<String, String> fields, String name, String value) {
    if (!value.isEmpty()) {
      fields.put(name, value);
    }
  }

  private static String trim(String value) {
    return value == null ? "" : value.strip();
  }

  private static String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
