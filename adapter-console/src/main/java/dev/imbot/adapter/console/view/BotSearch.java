package dev.imbot.adapter.console.view;

import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * View model: the Bots page's search (name or code, case ignored), application and type filters,
 * and the page asked for. Blank or unknown filters mean "any"; pages are counted from 1 and a page
 * past the end shows the last one.
 */
public record BotSearch(String text, String application, String type, int page) {

  /** Cards per page: four rows of six at 1280 pixels. */
  public static final int PAGE_SIZE = 24;

  public BotSearch {
    text = text == null ? "" : text.strip();
    application = application == null ? "" : application.strip();
    type = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
    if (!type.isEmpty() && !BotType.isKnown(type)) {
      type = "";
    }
    page = Math.max(1, page);
  }

  /** Reads the query parameters as sent (any may be null; a page that is not a number is 1). */
  public static BotSearch of(String text, String application, String type, String page) {
    int number = 1;
    if (page != null) {
      try {
        number = Integer.parseInt(page.strip());
      } catch (NumberFormatException notANumber) {
        number = 1;
      }
    }
    return new BotSearch(text, application, type, number);
  }

  public boolean matches(BotSummary bot) {
    if (!application.isEmpty() && !bot.application().value().equals(application)) {
      return false;
    }
    if (!type.isEmpty() && !bot.type().letter().equals(type)) {
      return false;
    }
    if (text.isEmpty()) {
      return true;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    return bot.fullName().toLowerCase(Locale.ROOT).contains(needle)
        || bot.code().value().toLowerCase(Locale.ROOT).contains(needle);
  }

  /** The matching bots of the page asked for, and where that page is among all. */
  public Paged<BotSummary> apply(List<BotSummary> bots) {
    List<BotSummary> matching = new ArrayList<>();
    for (BotSummary bot : bots) {
      if (matches(bot)) {
        matching.add(bot);
      }
    }
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(page, pages);
    int from = (shown - 1) * PAGE_SIZE;
    List<BotSummary> items = matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE));
    return new Paged<>(List.copyOf(items), shown, pages, matching.size());
  }

  public boolean filtered() {
    return !text.isEmpty() || !application.isEmpty() || !type.isEmpty();
  }

  /** The query string of another page of the same search. */
  public String hrefOfPage(int number) {
    StringBuilder href = new StringBuilder("/console/bots?page=").append(number);
    append(href, "q", text);
    append(href, "application", application);
    append(href, "type", type);
    return href.toString();
  }

  private static void append(StringBuilder href, String name, String value) {
    if (!value.isEmpty()) {
      href.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
