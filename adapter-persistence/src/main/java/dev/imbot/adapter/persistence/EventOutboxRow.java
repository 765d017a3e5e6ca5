package dev.imbot.adapter.persistence;

import dev.imbot.domain.ApplicationKey;
import dev.imbot.domain.BotCode;
import dev.imbot.domain.BotDeletedNotice;
import dev.imbot.domain.BotEvent;
import dev.imbot.domain.BotId;
import dev.imbot.domain.HandlerUrl;
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
