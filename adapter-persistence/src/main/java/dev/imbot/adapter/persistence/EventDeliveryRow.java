package dev.imbot.adapter.persistence;

import dev.imbot.domain.delivery.FormFields;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

  static final String COLUMNS =
      "id, application_key, event, handler_binding_id, handler_url, event_data, acting_user_id,"
          + " bot_ids, created_at, status, attempts, next_attempt_at, lease_owner, lease_until,"
          + " last_error, finished_at, replays";

  /** The row of a new delivery (its id is the database's to give). */
  static EventDeliveryRow enqueued(PendingEvent event) {
    AuthSubjects subjects = event.subjects();
    return new EventDeliveryRow(
        0,
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

  /**
   * The stored fields of the body, the same at every attempt: {@code event}, {@code
   * event_handler_id}, then the {@code data[...]} tree.
   */
  FormFields head() {
    return FormFields.builder()
        .add("event", event)
        .add("event_handler_id", Long.toString(handlerBindingId))
        .addTree("data", tree(EventDataJson.read(eventData)))
        .build();
  }

  private static Map<String, Object> tree(EventData data) {
    Map<String, Object> tree = new LinkedHashMap<>();
    data.asMap()
        .forEach(
            (key, value) ->
                tree.put(key, value instanceof EventData nested ? tree(nested) : value));
    return tree;
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
