package dev.imbot.application.service.bot;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import java.util.Optional;

/** The checks shared by unregister and update: the bot exists and the caller owns it. */
final class OwnedBot {
  private OwnedBot() {}

  /**
   * {@code BOT_ID_ERROR} when there is no such bot, {@code APP_ID_ERROR} when another app owns it.
   */
  static Bot require(Optional<Bot> found, ApplicationKey caller) {
    Bot bot =
        found.orElseThrow(() -> BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException());
    if (!bot.belongsTo(caller)) {
      throw BotRejection.of(BotRejectionReason.BOT_OF_ANOTHER_APPLICATION).toException();
    }
    return bot;
  }

  /** The bot among its application's locked bots; gone means deleted meanwhile: BOT_ID_ERROR. */
  static BotSummary among(List<BotSummary> applicationBots, BotId id) {
    return applicationBots.stream()
        .filter(bot -> bot.id().equals(id))
        .findFirst()
        .orElseThrow(() -> BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException());
  }
}
