package dev.imbot.application.service.bot;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.Rejection;
import dev.imbot.domain.rejection.RejectionReason;
import java.util.List;
import java.util.Optional;

/** The checks shared by unregister and update: the bot exists and the caller owns it. */
final class OwnedBot {
  private OwnedBot() {}

  /**
   * {@code BOT_ID_ERROR} when there is no such bot, {@code APP_ID_ERROR} when another app owns it.
   */
  static Bot require(Optional<Bot> found, ApplicationKey caller) {
    Bot bot = found.orElseThrow(() -> Rejection.of(RejectionReason.BOT_NOT_FOUND).raise());
    if (!bot.belongsTo(caller)) {
      throw Rejection.of(RejectionReason.BOT_OF_ANOTHER_APPLICATION).raise();
    }
    return bot;
  }

  /** The bot among its application's locked bots; gone means deleted meanwhile: BOT_ID_ERROR. */
  static BotSummary among(List<BotSummary> applicationBots, BotId id) {
    return applicationBots.stream()
        .filter(bot -> bot.id().equals(id))
        .findFirst()
        .orElseThrow(() -> Rejection.of(RejectionReason.BOT_NOT_FOUND).raise());
  }
}
