package dev.imbot.application.service.chat;

import dev.imbot.application.port.out.chat.MessageDeliveries;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.PendingEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The messenger's view of the event outbox: every event it records about a message ({@code
 * data[PARAMS][MESSAGE_ID]}) is also linked to that message, in the same unit of work, so the
 * deliveries a message caused can be found without reading every event.
 */
public final class MessageLinkingOutbox implements EventOutbox {
  private final EventOutbox outbox;
  private final MessageDeliveries links;

  public MessageLinkingOutbox(EventOutbox outbox, MessageDeliveries links) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.links = Objects.requireNonNull(links, "links");
  }

  @Override
  public long enqueue(PendingEvent event) {
    long id = outbox.enqueue(event);
    messageOf(event.data()).ifPresent(message -> links.link(message, id));
    return id;
  }

  @Override
  public List<Delivery> page(long afterId, int limit) {
    return outbox.page(afterId, limit);
  }

  private static Optional<MessageId> messageOf(EventData data) {
    return data.nested("PARAMS")
        .flatMap(params -> params.text("MESSAGE_ID"))
        .flatMap(
            id -> {
              try {
                return Optional.of(MessageId.of(Long.parseLong(id)));
              } catch (IllegalArgumentException notAnId) {
                return Optional.empty();
              }
            });
  }
}
