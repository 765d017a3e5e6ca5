package dev.imbot.application.port.out.event;

import dev.imbot.domain.bot.BotDeletedNotice;

/**
 * Outgoing port: events waiting for delivery to handlers, recorded in the same unit of work as the
 * change that caused them so none is lost.
 */
public interface EventOutbox {

  void enqueue(BotDeletedNotice notice);
}
