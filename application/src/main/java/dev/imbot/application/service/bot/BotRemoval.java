package dev.imbot.application.service.bot;

import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.bot.BotEvents;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.event.BotEvent;
import java.time.Instant;

/**
 * Deletes a bot with the OAuth tokens issued to it (they stand for the application acting as the
 * bot) and records {@code ONIMBOTDELETE} for its application's bot-delete handler; shared by {@code
 * imbot.unregister} and the operator's removal of an application. Runs inside the caller's unit of
 * work, with the application locked.
 */
public final class BotRemoval {
  private BotRemoval() {}

  /**
   * @return whether an {@code ONIMBOTDELETE} was recorded (the application has a bot-delete
   *     handler)
   */
  public static boolean remove(
      BotSummary bot,
      Bots bots,
      ApplicationHandlers handlers,
      OAuthTokens tokens,
      EventOutbox outbox,
      Instant now) {
    var binding = handlers.bindingFor(bot.application(), BotEvent.BOT_DELETE);
    bots.delete(bot.id());
    tokens.deleteAll(bot.application(), bot.id().userId());
    binding.ifPresent(bound -> outbox.enqueue(BotEvents.deleted(bot, bound, now)));
    return binding.isPresent();
  }
}
