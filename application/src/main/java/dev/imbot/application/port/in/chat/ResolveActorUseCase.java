package dev.imbot.application.port.in.chat;

import dev.imbot.application.port.in.portal.Caller;

/**
 * Incoming port: who a user-side ({@code im.*}) call acts as in the messenger. A webhook's user and
 * a person's token act as that person; a token minted for one of its application's bots acts as the
 * bot.
 */
public interface ResolveActorUseCase {

  /** The actor of a call made with {@code caller}'s credentials. */
  ChatActor actorOf(Caller caller);
}
