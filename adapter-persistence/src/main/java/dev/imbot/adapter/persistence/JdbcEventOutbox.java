package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Persistence adapter: the event outbox in {@code event_delivery}, written in the caller's unit of
 * work so an event is recorded exactly when its change is; one row per delivery, with the columns
 * the delivery worker claims and retries by (status, attempts, next attempt, lease, last error).
 */
@Singleton
public final class JdbcEventOutbox implements EventOutbox {
  private static final NamedStatement INSERT =
      NamedStatement.of(
          "INSERT INTO event_delivery (id, application_key, event, handler_binding_id,"
              + " handler_url, event_data, acting_user_id, bot_ids, created_at, status, attempts,"
              + " next_attempt_at, handler_host, lease_owner, lease_until)"
              + " VALUES (:id, :applicationKey, :event, :handlerBindingId, :handlerUrl, :eventData,"
              + " :actingUserId, :botIds, :createdAt, :status, :attempts, :nextAttemptAt,"
              + " :handlerHost, :leaseOwner, :leaseUntil)");
  private static final NamedStatement BOT =
      NamedStatement.of(
          "INSERT INTO delivery_bot (bot_id, delivery_id) VALUES (:botId, :deliveryId)");
  private static final String PAGE =
      "SELECT "
          + EventDeliveryRow.COLUMNS
          + " FROM event_delivery WHERE id > :afterId ORDER BY id LIMIT :limit";

  /** The increment of {@code event_delivery_id_block}: the ids one nextval hands this instance. */
  static final int ID_BLOCK = 64;

  private static final NamedStatement NEXT_BLOCK =
      NamedStatement.of("SELECT nextval('event_delivery_id_block')");

  private final Database database;
  private volatile Consumer<String> onCommitted = host -> {};
  private volatile Taker taker;
  // The rest of this instance's current block of ids: next up to, not including, end.
  private final Object ids = new Object();
  private long nextId;
  private long endId;

  JdbcEventOutbox(Database database) {
    this.database = database.seeingHeld();
  }

  /**
   * Runs {@code listener} with the handler's host ({@code host:port}) of each event enqueued, once
   * its unit of work commits: the delivery worker's in-process wake-up.
   */
  public void onCommitted(Consumer<String> listener) {
    this.onCommitted = listener;
  }

  /**
   * Lets {@code taker} (this instance's delivery worker) take the deliveries enqueued here from now
   * on, each that it wants: written leased to it in its unit of work and handed to it at the
   * commit, with no claim of its own (decision 180). {@code null}: every delivery waits for a
   * claim.
   */
  public void takeLocally(Taker taker) {
    this.taker = taker;
  }

  /**
   * A delivery worker of this instance that takes deliveries enqueued here as they commit. A
   * delivery it took is its to start, give back or release (its lease also runs out, as a claim's
   * does, should the instance die first).
   *
   * @param owner the name its leases are held under
   * @param lease how long a lease taken at the enqueue holds
   * @param takes whether it takes a new delivery to a host ({@code host:port}) now
   * @param taken after the commit: a delivery written leased to it, its own to deliver
   */
  public record Taker(
      String owner, Duration lease, Predicate<String> takes, Consumer<DueDelivery> taken) {}

  /**
   * No statement of its own (decision 163): the delivery's id comes from this instance's block, and
   * its row and one row per bot the event concerns (which the operator finds it by) are held back
   * to go with the unit of work's other held rows at the commit. Every adapter that reads or
   * changes {@code event_delivery} sends what is held first.
   */
  @Override
  public long enqueue(PendingEvent event) {
    long id = nextId();
    EventDeliveryRow row = EventDeliveryRow.enqueued(event, id);
    String host = row.handlerHost();
    Taker current = taker;
    Taker taking = current != null && current.takes().test(host) ? current : null;
    String leaseOwner = taking == null ? null : taking.owner();
    Instant leaseUntil = taking == null ? null : row.createdAt().plus(taking.lease());
    database.defer(
        "enqueue " + event.event(),
        INSERT,
        insert ->
            insert
                .number("id", row.id())
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
                .string("handlerHost", host)
                .string("leaseOwner", leaseOwner)
                .instant("leaseUntil", leaseUntil));
    for (UserId bot : event.botsConcerned()) {
      database.defer(
          "link delivery " + id + " to bot " + bot,
          BOT,
          link -> link.number("botId", bot.value()).number("deliveryId", id));
    }
    if (taking == null) {
      database.afterCommit(() -> onCommitted.accept(host));
    } else {
      // Read back from the row as a claim reads it, so that every attempt renders the same body.
      DueDelivery delivery = JdbcDueDeliveries.toDue(row);
      database.afterCommit(() -> taking.taken().accept(delivery));
    }
    return id;
  }

  /**
   * The next id of this instance's block; a new block (one nextval) when it is used up. Two threads
   * finding it used up at once each take a block: the ids of the one overwritten are skipped, never
   * handed out twice.
   */
  private long nextId() {
    synchronized (ids) {
      if (nextId < endId) {
        return nextId++;
      }
    }
    long start =
        database.writeSql(
            "take a block of delivery ids",
            connection -> {
              try (NamedStatement.Bound next = NEXT_BLOCK.on(connection)) {
                return next.first((rs, ctx) -> rs.getLong(1)).orElseThrow();
              }
            });
    synchronized (ids) {
      nextId = start + 1;
      endId = start + ID_BLOCK;
    }
    return start;
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
