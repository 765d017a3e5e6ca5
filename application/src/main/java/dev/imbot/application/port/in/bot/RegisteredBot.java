package dev.imbot.application.port.in.bot;

import dev.imbot.domain.bot.BotId;
import java.util.Objects;

/**
 * Result of {@link RegisterBotUseCase}: the bot's id and whether it was created now or was already
 * registered with that code.
 */
public record RegisteredBot(BotId botId, Outcome outcome) {

  public RegisteredBot {
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** What the registration did. */
  public enum Outcome {
    CREATED,
    ALREADY_REGISTERED
  }
}
