package dev.imbot.domain.bot;

import java.util.Collection;
import java.util.Optional;

/** Policy: an application owns at most {@code maxBotsPerApplication} bots (default 5). */
public record BotLimitPolicy(int maxBotsPerApplication) {
  public static final int DEFAULT_MAX_BOTS_PER_APPLICATION = 5;

  public BotLimitPolicy {
    if (maxBotsPerApplication < 1) {
      throw new IllegalArgumentException(
          "max bots per application must be at least 1, was " + maxBotsPerApplication);
    }
  }

  /** The seed's limit of 5. */
  public static BotLimitPolicy defaultLimit() {
    return new BotLimitPolicy(DEFAULT_MAX_BOTS_PER_APPLICATION);
  }

  /**
   * Whether one more bot may join {@code applicationBots}: {@link
   * BotRejectionReason#MAX_COUNT_REACHED} when the application is already at its limit.
   */
  public Optional<BotRejection> checkRoomForOneMore(Collection<BotSummary> applicationBots) {
    return applicationBots.size() >= maxBotsPerApplication
        ? Optional.of(BotRejection.maxCountReached(maxBotsPerApplication))
        : Optional.empty();
  }
}
