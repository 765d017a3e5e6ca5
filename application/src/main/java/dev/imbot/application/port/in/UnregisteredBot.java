package dev.imbot.application.port.in;

import dev.imbot.domain.BotCode;
import dev.imbot.domain.BotId;
import java.util.Objects;

/** Result of {@link UnregisterBotUseCase}: the deleted bot's id and its (now free) code. */
public record UnregisteredBot(BotId botId, BotCode code) {

  public UnregisteredBot {
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(code, "code");
  }
}
