package dev.imbot.application.port.in.chat;

import dev.imbot.domain.portal.UserId;
import java.util.Objects;

/**
 * Who acts in the messenger: a person (a webhook's user, a token's user) or a bot.
 *
 * @param user the acting user (a bot's id when a bot acts)
 * @param bot whether the actor is a bot
 */
public record ChatActor(UserId user, boolean bot) {

  public ChatActor {
    Objects.requireNonNull(user, "user");
  }

  public static ChatActor person(UserId user) {
    return new ChatActor(user, false);
  }

  public static ChatActor bot(UserId bot) {
    return new ChatActor(bot, true);
  }
}
