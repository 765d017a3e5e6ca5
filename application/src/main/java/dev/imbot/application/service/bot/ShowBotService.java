package dev.imbot.application.service.bot;

import dev.imbot.application.port.in.bot.ShowBotQuery;
import dev.imbot.application.port.in.bot.ShowBotUseCase;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import java.util.Optional;

/** Service: reads one bot and its application's handler bindings (two reads, no lock). */
public final class ShowBotService implements ShowBotUseCase {
  private final Bots bots;
  private final ApplicationHandlers handlers;

  public ShowBotService(Bots bots, ApplicationHandlers handlers) {
    this.bots = bots;
    this.handlers = handlers;
  }

  @Override
  public Optional<BotDetails> show(ShowBotQuery query) {
    return bots.findById(query.botId())
        .map(bot -> new BotDetails(bot, handlers.bindingsOf(bot.application())));
  }
}
