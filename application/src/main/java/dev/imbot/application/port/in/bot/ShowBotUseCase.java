package dev.imbot.application.port.in.bot;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.event.HandlerBindings;
import java.util.Objects;
import java.util.Optional;

/** Use case: one bot as a whole (profile, avatar, registration time) with its handlers. */
public interface ShowBotUseCase {

  /** The bot, or empty when there is no such bot. */
  Optional<BotDetails> show(ShowBotQuery query);

  /** Result: the bot and the handler bindings of its application. */
  record BotDetails(Bot bot, HandlerBindings handlers) {
    public BotDetails {
      Objects.requireNonNull(bot, "bot");
      Objects.requireNonNull(handlers, "handlers");
    }
  }
}
