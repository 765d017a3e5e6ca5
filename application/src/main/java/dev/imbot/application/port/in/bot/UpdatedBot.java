package dev.imbot.application.port.in.bot;

import dev.imbot.domain.bot.Bot;
import java.util.Objects;

/** Result of {@link UpdateBotUseCase}: the bot as stored after the update. */
public record UpdatedBot(Bot bot) {

  public UpdatedBot {
    Objects.requireNonNull(bot, "bot");
  }
}
