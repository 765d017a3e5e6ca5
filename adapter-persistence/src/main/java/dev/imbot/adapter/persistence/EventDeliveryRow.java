package dev.imbot.adapter.persistence;

import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * An {@code event_delivery} row: one recorded event and where its delivery stands. The data tree is
 * JSON text ({@link EventDataJson}); the bots whose {@code auth} blocks the body carries are their
 * ids, comma-separated, in order.
 */
public record EventDeliveryRow(
    long id,
    String applicationKey,
    String event,
    long handlerBindingId,
    String handlerUrl,
    String eventData,
    Long actingUserId,
    String botIds,
    Instant createdAt,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String leaseOwner,
    Instant leaseUntil,
    String lastError,
    Instant finishedAt,
    int replays) {
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<EventDeliveryRow> MAPPER =
      (rs, context) ->
          new EventDeliveryRow(
              rs.getLong("id"),
              rs.getString("application_key"),
              rs.getString("event"),
              rs.getLong("handler_binding_id"),
              rs.getString("handler_url"),
              rs.getString("event_data"),
              Columns.nullableLong(rs, "acting_user_id"),
              rs.getString("bot_ids"),
              Columns.instant(rs, "created_at"),
              rs.getString("status"),
              rs.getInt("attempts"),
              Columns.instant(rs, "next_attempt_at"),
              rs.getString("lease_owner"),
              Columns.instant(rs, "lease_until"),
              rs.getString("last_error"),
              Columns.instant(rs, "finished_at"),
              rs.getInt("replays"));

  static final String COLUMNS =
      "id, application_key, event, handler_binding_id, handler_url, event_data, acting_user_id,"
          + " bot_ids, created_at, status, attempts, next_attempt_at, lease_owner, lease_until,"
          + " last_error, finished_at, replays";

  /** The row of a new delivery, {@code id}. */
  static EventDeliveryRow enqueued(PendingEvent event, long id) {
    AuthSubjects subjects = event.subjects();
    return new EventDeliveryRow(
        id,
        event.application().value(),
        event.event(),
        event.handlerBindingId(),
        event.handler().value(),
        EventDataJson.write(event.data()),
        subjects.actingUser() == null ? null : subjects.actingUser().value(),
        subjects.bots().isEmpty()
            ? null
            : subjects.bots().stream()
                .map(bot -> Long.toString(bot.value()))
                .collect(Collectors.joining(",")),
        event.createdAt(),
        DeliveryStatus.PENDING.name(),
        0,
        event.createdAt(),
        null,
        null,
        null,
        null,
        0);
  }

  /** The handler's host as the delivery worker's isolation counts it ({@code host:port}). */
  public String handlerHost() {
    return dev.imbot.domain.delivery.HandlerHost.of(handlerUrl);
  }

  Delivery toDelivery() {
    List<UserId> bots =
        botIds == null
            ? List.of()
            : Arrays.stream(botIds.split(",")).map(id -> UserId.of(Long.parseLong(id))).toList();
    PendingEvent pending =
        new PendingEvent(
            ApplicationKey.of(applicationKey),
            event,
            handlerBindingId,
            HandlerUrl.of(handlerUrl),
            EventDataJson.read(eventData),
            new AuthSubjects(actingUserId == null ? null : UserId.of(actingUserId), bots),
            createdAt);
    return new Delivery(
        id,
        pending,
        DeliveryStatus.valueOf(status),
        attempts,
        nextAttemptAt,
        leaseOwner,
        leaseUntil,
        lastError);
  }
}
