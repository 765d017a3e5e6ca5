package dev.imbot.adapter.console.view;

import dev.imbot.domain.bot.BotType;
import java.util.ArrayList;
import java.util.List;

/** View model: the Bots page: the search, the choices of its filters, one page of cards. */
public record BotsPage(
    Layout layout,
    BotSearch search,
    List<Option> applications,
    List<Option> types,
    List<BotCard> cards,
    Paged<?> paging) {

  public static BotsPage of(
      Layout layout,
      BotSearch search,
      List<String> applicationKeys,
      List<BotCard> cards,
      Paged<?> paging) {
    List<Option> applications = new ArrayList<>();
    applications.add(new Option("", "Any application", search.application().isEmpty()));
    for (String key : applicationKeys) {
      applications.add(new Option(key, key, key.equals(search.application())));
    }
    List<Option> types = new ArrayList<>();
    types.add(new Option("", "Any type", search.type().isEmpty()));
    for (BotType type : BotType.values()) {
      types.add(
          new Option(type.letter(), BotTypes.word(type), type.letter().equals(search.type())));
    }
    return new BotsPage(layout, search, applications, types, cards, paging);
  }

  /** "3 bots", "1 bot", "No bot matches", with the page when there are several. */
  public String summary() {
    if (paging.total() == 0) {
      return search.filtered() ? "No bot matches this search." : "No bot is registered yet.";
    }
    String count = paging.total() == 1 ? "1 bot" : paging.total() + " bots";
    return paging.pages() == 1
        ? count
        : count + ", page " + paging.page() + " of " + paging.pages();
  }
}
