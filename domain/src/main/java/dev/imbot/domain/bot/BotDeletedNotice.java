package dev.imbot.domain.bot;

import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * An {@code ONIMBOTDELETE} event due to an application's bot-delete handler: the deleted bot's id
 * and code ({@code data[BOT_ID]}, {@code data[BOT_CODE]}), recorded when the bot is deleted.
 */
public record BotDeletedNotice(
    ApplicationKey application, HandlerUrl handler, BotId botId, BotCode botCode, Instant at) {

  public BotDeletedNotice {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(botCode, "botCode");
    Objects.requireNonNull(at, "at");
  }

  /** The event sent. */
  public BotEvent event() {
    return BotEvent.BOT_DELETE;
  }
}
