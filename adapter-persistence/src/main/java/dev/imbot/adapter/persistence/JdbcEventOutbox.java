package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.PendingEvent;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Persistence adapter: the event outbox in {@code event_delivery}, written in the caller's unit of
 * work so an event is recorded exactly when its change is; one row per delivery, with the columns
 * the delivery worker claims and retries by (status, attempts, next attempt, lease, last error).
 */
@Singleton
public final class JdbcEventOutbox implements EventOutbox {
  private static final String INSERT =
      "INSERT INTO event_delivery (application_key, event, handler_binding_id, handler_url,"
          + " event_data, acting_user_id, bot_ids, created_at, status, attempts, next_attempt_at)"
          + " VALUES (:applicationKey, :event, :handlerBindingId, :handlerUrl, :eventData,"
          + " :actingUserId, :botIds, :createdAt, :status, :attempts, :nextAttemptAt)";
  private static final String PAGE =
      "SELECT "
          + EventDeliveryRow.COLUMNS
          + " FROM event_delivery WHERE id > :afterId ORDER BY id LIMIT :limit";

  private final Database database;

  JdbcEventOutbox(Database database) {
    this.database = database;
  }

  /** One statement: the insert, which hands back the generated id. */
  @Override
  public long enqueue(PendingEvent event) {
    EventDeliveryRow row = EventDeliveryRow.enqueued(event);
    return database.write(
        "enqueue " + event.event(),
        handle ->
            handle
                .createUpdate(INSERT)
                .bindMethods(row)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
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
