package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.chat.MessageDeliveries;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.Delivery;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Persistence adapter: {@code message_delivery}, the link from a message to the outbox rows of its
 * events, read back joined to {@code event_delivery} as the deliveries stand now.
 */
@Singleton
public final class JdbcMessageDeliveries implements MessageDeliveries {
  private static final NamedStatement INSERT =
      NamedStatement.of(
          "INSERT INTO message_delivery (message_id, delivery_id) VALUES (:message, :delivery)");
  private static final String LINKS =
      "SELECT message_id, delivery_id FROM message_delivery WHERE message_id IN (<messages>)";
  private static final String DELIVERIES =
      "SELECT " + EventDeliveryRow.COLUMNS + " FROM event_delivery WHERE id IN (<ids>) ORDER BY id";

  private final Database database;

  JdbcMessageDeliveries(Database database) {
    this.database = database.seeingHeld();
  }

  /** Held back to go with the unit of work's other held rows; {@link #of} sends it first. */
  @Override
  public void link(MessageId message, long deliveryId) {
    database.defer(
        "link message " + message,
        INSERT,
        insert -> insert.number("message", message.value()).number("delivery", deliveryId));
  }

  @Override
  public Map<MessageId, List<Delivery>> of(Collection<MessageId> messages) {
    if (messages.isEmpty()) {
      return Map.of();
    }
    return database.read(
        "read deliveries of messages",
        handle -> {
          Map<Long, Long> messageOfDelivery = new TreeMap<>();
          handle
              .createQuery(LINKS)
              .bindList("messages", messages.stream().map(MessageId::value).toList())
              .map((rs, ctx) -> Map.entry(rs.getLong("delivery_id"), rs.getLong("message_id")))
              .forEach(link -> messageOfDelivery.put(link.getKey(), link.getValue()));
          if (messageOfDelivery.isEmpty()) {
            return Map.<MessageId, List<Delivery>>of();
          }
          Map<MessageId, List<Delivery>> found = new LinkedHashMap<>();
          handle
              .createQuery(DELIVERIES)
              .bindList("ids", List.copyOf(messageOfDelivery.keySet()))
              .mapTo(EventDeliveryRow.class)
              .list()
              .stream()
              .map(EventDeliveryRow::toDelivery)
              .collect(
                  Collectors.groupingBy(
                      d -> MessageId.of(messageOfDelivery.get(d.id())),
                      LinkedHashMap::new,
                      Collectors.mapping(Function.identity(), Collectors.toList())))
              .forEach(found::put);
          return found;
        });
  }
}
