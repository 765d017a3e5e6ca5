package dev.imbot.application.service;

import dev.imbot.application.port.out.ApplicationHandlers;
import dev.imbot.application.port.out.Bots;
import dev.imbot.application.port.out.EventOutbox;
import dev.imbot.domain.BotDeletedNotice;
import dev.imbot.domain.BotEvent;
import dev.imbot.domain.BotSummary;
import dev.imbot.domain.HandlerBindings;
import java.time.Instant;

/**
 * Deletes a bot and records {@code ONIMBOTDELETE} for its application's bot-delete handler; shared
 * by {@code imbot.unregister} and the operator's removal of an application. Runs inside the
 * caller's unit of work, with the application locked.
 */
final class BotRemoval {
  private BotRemoval() {}

  static void remove(
      BotSummary bot, Bots bots, ApplicationHandlers handlers, EventOutbox outbox, Instant now) {
    HandlerBindings bindings = handlers.bindingsOf(bot.application());
    bots.delete(bot.id());
    bindings
        .handlerFor(BotEvent.BOT_DELETE)
        .ifPresent(
            url ->
                outbox.enqueue(
                    new BotDeletedNotice(bot.application(), url, bot.id(), bot.code(), now)));
  }
}
