package dev.imbot.adapter.persistence;

import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotDeletedNotice;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Instant;

/** An {@code event_outbox} row: one event waiting for delivery to one handler. */
record EventOutboxRow(
    String applicationKey,
    String event,
    String handlerUrl,
    long botId,
    String botCode,
    Instant createdAt) {

  static EventOutboxRow from(BotDeletedNotice notice) {
    return new EventOutboxRow(
        notice.application().value(),
        notice.event().eventName(),
        notice.handler().value(),
        notice.botId().value(),
        notice.botCode().value(),
        notice.at());
  }

  BotDeletedNotice toNotice() {
    BotEvent stored = HandlerBindingRow.event(event);
    if (stored != BotEvent.BOT_DELETE) {
      throw new IllegalStateException("not a bot-delete event: " + event);
    }
    return new BotDeletedNotice(
        ApplicationKey.of(applicationKey),
        HandlerUrl.of(handlerUrl),
        BotId.of(botId),
        BotCode.of(botCode),
        createdAt);
  }
}
