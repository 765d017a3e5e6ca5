package dev.imbot.application.port.out.chat;

import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.Delivery;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Outgoing port: which deliveries each message caused (its add, update and delete events), so the
 * console can show them beside the message.
 */
public interface MessageDeliveries {

  /**
   * Records that delivery {@code deliveryId} carries an event about {@code message}; joins the
   * current unit of work, as the delivery itself does.
   */
  void link(MessageId message, long deliveryId);

  /**
   * The deliveries each of {@code messages} caused, oldest first, as they stand now; a message with
   * none is left out.
   */
  Map<MessageId, List<Delivery>> of(Collection<MessageId> messages);
}
