package dev.imbot.application.port.in.bot;

import dev.imbot.domain.bot.BotListing;
import dev.imbot.domain.bot.BotSummary;
import java.util.List;

/** Use case: list every bot of the portal ({@code imbot.bot.list}). */
public interface ListBotsUseCase {

  /**
   * All bots, whichever application owns them, ordered by id, as the list shows them (id, code,
   * full name, Open Lines); a whole bot is one {@code findById} away.
   */
  List<BotSummary> listBots(ListBotsQuery query);

  /**
   * The same bots with only what {@code imbot.bot.list} answers: id, code, name, Open Lines. The
   * default reads {@link #listBots}; the service asks its store for the narrower listing.
   */
  default List<BotListing> listBotListings(ListBotsQuery query) {
    return listBots(query).stream().map(BotListing::of).toList();
  }
}
