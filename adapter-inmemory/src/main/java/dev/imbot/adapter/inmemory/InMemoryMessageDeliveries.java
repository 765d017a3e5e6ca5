package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.chat.MessageDeliveries;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.Delivery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory adapter of {@link MessageDeliveries}: the links, read back through the outbox's pages
 * as the deliveries stand now.
 */
public final class InMemoryMessageDeliveries implements MessageDeliveries, Snapshottable {
  private final EventOutbox outbox;
  private TreeMap<Long, MessageId> messageOfDelivery = new TreeMap<>();

  public InMemoryMessageDeliveries(InMemoryUnitOfWork unitOfWork, EventOutbox outbox) {
    this.outbox = outbox;
    unitOfWork.register(this);
  }

  @Override
  public synchronized void link(MessageId message, long deliveryId) {
    messageOfDelivery.put(deliveryId, message);
  }

  @Override
  public synchronized Map<MessageId, List<Delivery>> of(Collection<MessageId> messages) {
    Map<MessageId, List<Delivery>> found = new LinkedHashMap<>();
    messageOfDelivery.forEach(
        (deliveryId, message) -> {
          if (messages.contains(message)) {
            outbox.page(deliveryId - 1, 1).stream()
                .filter(d -> d.id() == deliveryId)
                .forEach(d -> found.computeIfAbsent(message, m -> new ArrayList<>()).add(d));
          }
        });
    return found;
  }

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<Long, MessageId> copy = new TreeMap<>(messageOfDelivery);
    return () -> {
      synchronized (this) {
        messageOfDelivery = copy;
      }
    };
  }
}
