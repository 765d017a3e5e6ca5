package dev.imbot.domain.bot;

import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.PendingEvent;
import java.time.Instant;

/** The events the bot context records, built in Bitrix24's shape (keys and values as it sends). */
public final class BotEvents {
  private BotEvents() {}

  /**
   * {@code ONIMBOTDELETE} for the application's bot-delete handler: {@code data[BOT_ID]} and {@code
   * data[BOT_CODE]} only, and no bot {@code auth} block (the bot is gone).
   */
  public static PendingEvent deleted(BotSummary bot, HandlerBinding binding, Instant at) {
    EventData data =
        EventData.builder()
            .put("BOT_ID", bot.id().value())
            .put("BOT_CODE", bot.code().value())
            .build();
    return PendingEvent.to(
        bot.application(), BotEvent.BOT_DELETE.eventName(), binding, data, AuthSubjects.none(), at);
  }
}
