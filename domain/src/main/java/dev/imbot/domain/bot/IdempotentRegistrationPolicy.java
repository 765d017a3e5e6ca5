package dev.imbot.domain.bot;

import java.util.Collection;
import java.util.Optional;

/**
 * Policy: registering a code the application already has returns the existing bot instead of
 * creating one (imbot.register step 10), even at the bot limit, so it is consulted before {@link
 * BotLimitPolicy}.
 */
public final class IdempotentRegistrationPolicy {

  /** The application's bot that already has {@code code}, which a registration returns as is. */
  public Optional<BotSummary> existingRegistration(
      Collection<BotSummary> applicationBots, BotCode code) {
    return applicationBots.stream().filter(bot -> bot.code().equals(code)).findFirst();
  }
}
