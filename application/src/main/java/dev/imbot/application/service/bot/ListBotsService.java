package dev.imbot.application.service.bot;

import dev.imbot.application.port.in.bot.ListBotsQuery;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.BotListing;
import dev.imbot.domain.bot.BotSummary;
import java.util.List;

/** Service: {@code imbot.bot.list}, every bot of the portal in id order, in one read. */
public final class ListBotsService implements ListBotsUseCase {
  private final Bots bots;

  public ListBotsService(Bots bots) {
    this.bots = bots;
  }

  @Override
  public List<BotSummary> listBots(ListBotsQuery query) {
    return bots.listAll();
  }

  @Override
  public List<BotListing> listBotListings(ListBotsQuery query) {
    return bots.listAllListings();
  }
}
