package dev.imbot.application.port.in;

import dev.imbot.domain.Bot;
import java.util.Objects;

/** Result of {@link UpdateBotUseCase}: the bot as stored after the update. */
public record UpdatedBot(Bot bot) {

  public UpdatedBot {
    Objects.requireNonNull(bot, "bot");
  }
}
