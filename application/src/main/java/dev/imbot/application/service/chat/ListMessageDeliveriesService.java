package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ListMessageDeliveriesUseCase;
import dev.imbot.application.port.out.chat.MessageDeliveries;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.Delivery;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Service: reads which deliveries messages caused (recorded by {@link MessageLinkingOutbox}). */
public final class ListMessageDeliveriesService implements ListMessageDeliveriesUseCase {
  private final MessageDeliveries deliveries;

  public ListMessageDeliveriesService(MessageDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public Map<MessageId, List<Delivery>> list(Collection<MessageId> messages) {
    return messages.isEmpty() ? Map.of() : deliveries.of(messages);
  }
}
