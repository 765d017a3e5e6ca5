package dev.imbot.application.service;

import dev.imbot.application.port.in.ListBotsQuery;
import dev.imbot.application.port.in.ListBotsUseCase;
import dev.imbot.application.port.out.Bots;
import dev.imbot.domain.BotSummary;
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
}
