package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Consumer;

/**
 * Persistence adapter: the event outbox in {@code event_delivery}, written in the caller's unit of
 * work so an event is recorded exactly when its change is; one row per delivery, with the columns
 * the delivery worker claims and retries by (status, attempts, next attempt, lease, last error).
 */
@Singleton
public final class JdbcEventOutbox implements EventOutbox {
  private static final NamedStatement INSERT =
      NamedStatement.of(
          "INSERT INTO event_delivery (application_key, event, handler_binding_id, handler_url,"
              + " event_data, acting_user_id, bot_ids, created_at, status, attempts,"
              + " next_attempt_at, handler_host)"
              + " VALUES (:applicationKey, :event, :handlerBindingId, :handlerUrl, :eventData,"
              + " :actingUserId, :botIds, :createdAt, :status, :attempts, :nextAttemptAt,"
              + " :handlerHost)");
  private static final NamedStatement BOT =
      NamedStatement.of(
          "INSERT INTO delivery_bot (bot_id, delivery_id) VALUES (:botId, :deliveryId)");
  private static final String PAGE =
      "SELECT "
          + EventDeliveryRow.COLUMNS
          + " FROM event_delivery WHERE id > :afterId ORDER BY id LIMIT :limit";

  private final Database database;
  private volatile Consumer<String> onCommitted = host -> {};

  JdbcEventOutbox(Database database) {
    this.database = database;
  }

  /**
   * Runs {@code listener} with the handler's host ({@code host:port}) of each event enqueued, once
   * its unit of work commits: the delivery worker's in-process wake-up.
   */
  public void onCommitted(Consumer<String> listener) {
    this.onCommitted = listener;
  }

  /**
   * One statement: the insert, which hands back the generated id; then one row per bot the event
   * concerns, which the operator finds it by, held back to go with the unit of work's other held
   * rows (only the operator's pages read them, never the unit of work that wrote them).
   */
  @Override
  public long enqueue(PendingEvent event) {
    EventDeliveryRow row = EventDeliveryRow.enqueued(event);
    return database.writeSql(
        "enqueue " + event.event(),
        connection -> {
          long id;
          try (NamedStatement.Bound insert = INSERT.onReturningKey(connection, "id")) {
            id =
                insert
                    .string("applicationKey", row.applicationKey())
                    .string("event", row.event())
                    .number("handlerBindingId", row.handlerBindingId())
                    .string("handlerUrl", row.handlerUrl())
                    .string("eventData", row.eventData())
                    .number("actingUserId", row.actingUserId())
                    .string("botIds", row.botIds())
                    .instant("createdAt", row.createdAt())
                    .string("status", row.status())
                    .integer("attempts", row.attempts())
                    .instant("nextAttemptAt", row.nextAttemptAt())
                    .string("handlerHost", row.handlerHost())
                    .insertReturningKey();
          }
          // Held back to the commit, with the unit of work's other held rows (decision 161).
          for (UserId bot : event.botsConcerned()) {
            database.defer(
                "link delivery " + id + " to bot " + bot,
                BOT,
                link -> link.number("botId", bot.value()).number("deliveryId", id));
          }
          String host = row.handlerHost();
          database.afterCommit(() -> onCommitted.accept(host));
          return id;
        });
  }

  @Override
  public List<Delivery> page(long afterId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    if (limit == 0) {
      return List.of();
    }
    return database.read(
        "read the event outbox",
        handle ->
            handle
                .createQuery(PAGE)
                .bind("afterId", afterId)
                .bind("limit", limit)
                .mapTo(EventDeliveryRow.class)
                .list()
                .stream()
                .map(EventDeliveryRow::toDelivery)
                .toList());
  }
}
