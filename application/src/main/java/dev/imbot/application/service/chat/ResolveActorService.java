package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.application.port.in.portal.Caller;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.BotId;

/**
 * Service: the actor of an {@code im.*} call. Only a token can stand for a bot, and only for a bot
 * of its own application, so webhooks are never looked up.
 */
public final class ResolveActorService implements ResolveActorUseCase {
  private final Bots bots;

  public ResolveActorService(Bots bots) {
    this.bots = bots;
  }

  @Override
  public ChatActor actorOf(Caller caller) {
    if (caller instanceof Caller.Application token) {
      boolean ownBot =
          bots.findById(BotId.of(token.user().value()))
              .filter(bot -> bot.application().equals(token.application()))
              .isPresent();
      if (ownBot) {
        return ChatActor.bot(token.user());
      }
    }
    return ChatActor.person(caller.actingUser());
  }
}
