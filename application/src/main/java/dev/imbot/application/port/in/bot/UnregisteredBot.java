package dev.imbot.application.port.in.bot;

import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import java.util.Objects;

/** Result of {@link UnregisterBotUseCase}: the deleted bot's id and its (now free) code. */
public record UnregisteredBot(BotId botId, BotCode code) {

  public UnregisteredBot {
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(code, "code");
  }
}
