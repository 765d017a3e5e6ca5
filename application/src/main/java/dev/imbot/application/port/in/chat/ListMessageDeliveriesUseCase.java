package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.Delivery;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Incoming port: the deliveries each message caused, with where they stand: what the console's Chat
 * page shows beside every message.
 */
public interface ListMessageDeliveriesUseCase {

  /** The deliveries of each message, oldest first; a message with none is left out. */
  Map<MessageId, List<Delivery>> list(Collection<MessageId> messages);
}
