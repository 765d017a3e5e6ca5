package dev.imbot.application.port.out;

import dev.imbot.domain.BotDeletedNotice;

/**
 * Outgoing port: events waiting for delivery to handlers, recorded in the same unit of work as the
 * change that caused them so none is lost.
 */
public interface EventOutbox {

  void enqueue(BotDeletedNotice notice);
}
