package dev.imbot.application.port.in.bot;

import dev.imbot.domain.bot.BotId;
import java.util.Objects;

/** Query: the bot with this id. */
public record ShowBotQuery(BotId botId) {
  public ShowBotQuery {
    Objects.requireNonNull(botId, "botId");
  }
}
