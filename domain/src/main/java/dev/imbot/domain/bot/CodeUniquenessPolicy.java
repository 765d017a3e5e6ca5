package dev.imbot.domain.bot;

import java.util.Collection;
import java.util.Optional;

/**
 * Policy: a code is unique within its application (two applications may both have {@code newbot}).
 * At registration a taken code means re-registration ({@link IdempotentRegistrationPolicy}); at
 * update it is refused.
 */
public final class CodeUniquenessPolicy {

  /**
   * Whether {@code bot} may take {@code newCode}: {@link BotRejectionReason#UPDATE_CODE_IN_USE}
   * when another bot of the application has it.
   */
  public Optional<BotRejection> checkCodeChange(
      Collection<BotSummary> applicationBots, Bot bot, BotCode newCode) {
    boolean taken =
        applicationBots.stream()
            .anyMatch(other -> !other.id().equals(bot.id()) && other.code().equals(newCode));
    return taken
        ? Optional.of(BotRejection.of(BotRejectionReason.UPDATE_CODE_IN_USE))
        : Optional.empty();
  }
}
