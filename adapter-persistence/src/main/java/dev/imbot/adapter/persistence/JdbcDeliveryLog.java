package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.application.port.out.delivery.DeliveryReplays;
import dev.imbot.application.port.out.delivery.DeliveryRetention;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DeliveryBacklog;
import dev.imbot.domain.delivery.DeliveryDetails;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DeliveryPage;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.delivery.HandlerActivity;
import dev.imbot.domain.delivery.LoggedAttempt;
import dev.imbot.domain.event.DeliveryStatus;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Persistence adapter: the operator's view of {@code event_delivery}, {@code delivery_attempt} and
 * {@code delivery_bot}: filtered pages, one delivery with its log, each handler's last hour
 * (aggregated in SQL, the same on H2 and PostgreSQL), the backlog; replays and pruning. Rows that
 * change are taken with {@code FOR UPDATE SKIP LOCKED}, so several instances replaying or pruning
 * at once take disjoint rows and never wait on each other or on the worker.
 */
@Singleton
public final class JdbcDeliveryLog implements DeliveryLog, DeliveryReplays, DeliveryRetention {
  private static final String SUMMARY_COLUMNS =
      "id, application_key, event, handler_url, status, attempts, replays, created_at,"
          + " next_attempt_at, finished_at, last_error";
  private static final String BOTS =
      "SELECT delivery_id, bot_id FROM delivery_bot WHERE delivery_id IN (<ids>)"
          + " ORDER BY delivery_id, bot_id";
  private static final String DETAILS =
      "SELECT " + EventDeliveryRow.COLUMNS + " FROM event_delivery WHERE id = :id";
  private static final String ATTEMPTS =
      "SELECT series, number, started_at, duration_ms, http_status, response_start, cause"
          + " FROM delivery_attempt WHERE delivery_id = :id ORDER BY id";

  /**
   * Each handler's attempts since the window's start: counts, percentiles of the duration, and the
   * failures after its last success (attempts in the order they were logged, which is the order
   * they ended).
   */
  private static final String ACTIVITY =
      "WITH recent AS (SELECT d.handler_url, a.id, a.cause, a.duration_ms"
          + " FROM delivery_attempt a JOIN event_delivery d ON d.id = a.delivery_id"
          + " WHERE a.started_at >= :since <application>),"
          + " last_ok AS (SELECT handler_url, MAX(id) AS id FROM recent WHERE cause IS NULL"
          + " GROUP BY handler_url)"
          + " SELECT r.handler_url, COUNT(*) AS attempts,"
          + " SUM(CASE WHEN r.cause IS NULL THEN 1 ELSE 0 END) AS successes,"
          + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY r.duration_ms) AS p50,"
          + " PERCENTILE_DISC(0.99) WITHIN GROUP (ORDER BY r.duration_ms) AS p99,"
          + " SUM(CASE WHEN r.cause IS NOT NULL AND r.id > COALESCE(l.id, 0) THEN 1 ELSE 0 END)"
          + " AS consecutive"
          + " FROM recent r LEFT JOIN last_ok l ON l.handler_url = r.handler_url"
          + " GROUP BY r.handler_url ORDER BY r.handler_url";

  /** The same attempts counted per handler and minute (whole minutes since the epoch). */
  private static final String MINUTES =
      "SELECT d.handler_url, CAST(FLOOR(EXTRACT(EPOCH FROM a.started_at) / 60) AS BIGINT) AS minute_number,"
          + " SUM(CASE WHEN a.cause IS NULL THEN 1 ELSE 0 END) AS successes,"
          + " SUM(CASE WHEN a.cause IS NULL THEN 0 ELSE 1 END) AS failures"
          + " FROM delivery_attempt a JOIN event_delivery d ON d.id = a.delivery_id"
          + " WHERE a.started_at >= :since <application>"
          + " GROUP BY d.handler_url, CAST(FLOOR(EXTRACT(EPOCH FROM a.started_at) / 60) AS BIGINT)"
          + " ORDER BY d.handler_url, minute_number";

  // Each part through its own index: on PostgreSQL the pending rows' index holds no others and
  // the finished rows' none pending (decision 179); a dead row is finished
  // (event_delivery_finished_ck).
  static final String BACKLOG =
      "SELECT (SELECT COUNT(*) FROM event_delivery WHERE status = 'PENDING'),"
          + " (SELECT MIN(created_at) FROM event_delivery WHERE status = 'PENDING'),"
          + " (SELECT COUNT(*) FROM event_delivery WHERE status = 'DEAD'"
          + " AND finished_at IS NOT NULL)";

  private static final String REPLAY_SET =
      "UPDATE event_delivery SET status = 'PENDING', attempts = 0, replays = replays + 1,"
          + " next_attempt_at = :now, finished_at = NULL, last_error = NULL, lease_owner = NULL,"
          + " lease_until = NULL";
  private static final String REPLAY_ONE = REPLAY_SET + " WHERE id = :id AND status <> 'PENDING'";
  private static final String REPLAY_MANY = REPLAY_SET + " WHERE id IN (<ids>) AND status = 'DEAD'";
  private static final String STATUS = "SELECT status FROM event_delivery WHERE id = :id";

  private static final String PRUNABLE =
      "SELECT id FROM event_delivery WHERE status = :status AND finished_at < :cutoff"
          + " ORDER BY finished_at, id LIMIT :limit FOR UPDATE SKIP LOCKED";
  private static final String PRUNE_ATTEMPTS =
      "DELETE FROM delivery_attempt WHERE delivery_id IN (<ids>)";
  private static final String PRUNE_BOTS = "DELETE FROM delivery_bot WHERE delivery_id IN (<ids>)";
  private static final String PRUNE_DELIVERIES =
      "DELETE FROM event_delivery WHERE id IN (<ids>) AND status = :status";

  private final Database database;
  private volatile Runnable onReplayed = () -> {};

  JdbcDeliveryLog(Database database) {
    this.database = database.seeingHeld();
  }

  /** Runs {@code listener} after each unit of work that replayed a delivery commits. */
  public void onReplayed(Runnable listener) {
    this.onReplayed = listener;
  }

  // Reads

  /** Two statements: the count, then the page; a third for the page's bots. */
  @Override
  public DeliveryPage find(DeliveryFilter filter, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit are never negative");
    }
    Where where = Where.of(filter);
    return database.read(
        "list deliveries",
        handle -> {
          long total =
              where
                  .bind(handle.createQuery("SELECT COUNT(*) FROM event_delivery" + where.sql()))
                  .mapTo(Long.class)
                  .one();
          if (total == 0 || limit == 0) {
            return DeliveryPage.of(List.of(), total, offset, limit);
          }
          List<Summary> rows =
              where
                  .bind(
                      handle.createQuery(
                          "SELECT "
                              + SUMMARY_COLUMNS
                              + " FROM event_delivery"
                              + where.sql()
                              + " ORDER BY id DESC LIMIT :limit OFFSET :offset"))
                  .bind("limit", limit)
                  .bind("offset", offset)
                  .map((rs, ctx) -> Summary.of(rs))
                  .list();
          Map<Long, List<Long>> bots = bots(handle, rows.stream().map(Summary::id).toList());
          List<DeliveryRecord> page =
              rows.stream()
                  .map(row -> row.toRecord(bots.getOrDefault(row.id(), List.of())))
                  .toList();
          return DeliveryPage.of(page, total, offset, limit);
        });
  }

  @Override
  public Optional<DeliveryDetails> details(long id) {
    return database.read(
        "read delivery " + id,
        handle -> {
          Optional<EventDeliveryRow> found =
              handle.createQuery(DETAILS).bind("id", id).map(EventDeliveryRow.MAPPER).findOne();
          if (found.isEmpty()) {
            return Optional.empty();
          }
          EventDeliveryRow row = found.get();
          List<LoggedAttempt> attempts =
              handle.createQuery(ATTEMPTS).bind("id", id).map((rs, ctx) -> attempt(rs)).list();
          DeliveryRecord record =
              new DeliveryRecord(
                  row.id(),
                  row.applicationKey(),
                  row.event(),
                  row.handlerUrl(),
                  bots(handle, List.of(id)).getOrDefault(id, List.of()),
                  DeliveryStatus.valueOf(row.status()),
                  row.attempts(),
                  row.replays(),
                  row.createdAt(),
                  row.nextAttemptAt(),
                  row.finishedAt(),
                  row.lastError());
          return Optional.of(
              new DeliveryDetails(
                  record, row.handlerBindingId(), EventDataJson.read(row.eventData()), attempts));
        });
  }

  @Override
  public List<HandlerActivity> activity(Instant since, String application) {
    String only = application == null ? "" : " AND d.application_key = :application";
    return database.read(
        "read handler activity",
        handle -> {
          Map<String, List<HandlerActivity.Minute>> minutes = new HashMap<>();
          bindApplication(
                  handle.createQuery(MINUTES).define("application", only).bind("since", since),
                  application)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getString(1),
                          new HandlerActivity.Minute(
                              Instant.ofEpochSecond(rs.getLong(2) * 60),
                              rs.getLong(3),
                              rs.getLong(4))))
              .forEach(
                  e ->
                      minutes
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
          return bindApplication(
                  handle.createQuery(ACTIVITY).define("application", only).bind("since", since),
                  application)
              .map(
                  (rs, ctx) ->
                      new HandlerActivity(
                          rs.getString(1),
                          rs.getLong(2),
                          rs.getLong(3),
                          Duration.ofMillis(rs.getLong(4)),
                          Duration.ofMillis(rs.getLong(5)),
                          rs.getLong(6),
                          minutes.getOrDefault(rs.getString(1), List.of())))
              .list();
        });
  }

  @Override
  public DeliveryBacklog backlog() {
    return database.read(
        "read the delivery backlog",
        handle ->
            handle
                .createQuery(BACKLOG)
                .map(
                    (rs, ctx) -> {
                      long pending = rs.getLong(1);
                      OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                      return new DeliveryBacklog(
                          pending,
                          pending == 0 || oldest == null ? null : oldest.toInstant(),
                          rs.getLong(3));
                    })
                .one());
  }

  // Replays

  @Override
  public Replay replay(long id, Instant now) {
    return database.write(
        "replay delivery " + id,
        handle -> {
          int updated = handle.createUpdate(REPLAY_ONE).bind("now", now).bind("id", id).execute();
          if (updated == 1) {
            database.afterCommit(onReplayed);
            return Replay.REPLAYED;
          }
          return handle.createQuery(STATUS).bind("id", id).mapTo(String.class).findOne().isPresent()
              ? Replay.ALREADY_PENDING
              : Replay.UNKNOWN;
        });
  }

  /** Two statements: lock the dead rows the filter matches, then start them over. */
  @Override
  public int replayDead(DeliveryFilter filter, Instant now, int limit) {
    Where where = Where.of(filter.withStatus(DeliveryStatus.DEAD));
    return database.write(
        "replay dead deliveries",
        handle -> {
          List<Long> ids =
              where
                  .bind(
                      handle.createQuery(
                          "SELECT id FROM event_delivery"
                              + where.sql()
                              + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED"))
                  .bind("limit", limit)
                  .mapTo(Long.class)
                  .list();
          if (ids.isEmpty()) {
            return 0;
          }
          int replayed =
              handle.createUpdate(REPLAY_MANY).bind("now", now).bindList("ids", ids).execute();
          database.afterCommit(onReplayed);
          return replayed;
        });
  }

  // Retention

  /** Four statements in one transaction: lock a batch, delete its attempts, bots and rows. */
  @Override
  public int prune(DeliveryStatus status, Instant cutoff, int limit) {
    if (status == DeliveryStatus.PENDING) {
      throw new IllegalArgumentException("pending deliveries are never pruned");
    }
    return database.write(
        "prune " + status + " deliveries",
        handle -> {
          List<Long> ids =
              handle
                  .createQuery(PRUNABLE)
                  .bind("status", status.name())
                  .bind("cutoff", cutoff)
                  .bind("limit", limit)
                  .mapTo(Long.class)
                  .list();
          if (ids.isEmpty()) {
            return 0;
          }
          handle.createUpdate(PRUNE_ATTEMPTS).bindList("ids", ids).execute();
          handle.createUpdate(PRUNE_BOTS).bindList("ids", ids).execute();
          return handle
              .createUpdate(PRUNE_DELIVERIES)
              .bindList("ids", ids)
              .bind("status", status.name())
              .execute();
        });
  }

  // Rows

  private static Map<Long, List<Long>> bots(Handle handle, List<Long> ids) {
    Map<Long, List<Long>> bots = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return bots;
    }
    handle
        .createQuery(BOTS)
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .forEach(e -> bots.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return bots;
  }

  private static LoggedAttempt attempt(ResultSet rs) throws SQLException {
    return new LoggedAttempt(
        rs.getInt(1),
        new AttemptRecord(
            rs.getInt(2),
            rs.getObject(3, OffsetDateTime.class).toInstant(),
            Duration.ofMillis(rs.getLong(4)),
            rs.getInt(5),
            rs.getString(6),
            rs.getString(7)));
  }

  private static <S extends SqlStatement<S>> S bindApplication(S statement, String application) {
    return application == null ? statement : statement.bind("application", application);
  }

  /** A listed delivery's row, without its bots. */
  private record Summary(
      long id,
      String application,
      String event,
      String handlerUrl,
      String status,
      int attempts,
      int replays,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant finishedAt,
      String lastError) {

    static Summary of(ResultSet rs) throws SQLException {
      return new Summary(
          rs.getLong(1),
          rs.getString(2),
          rs.getString(3),
          rs.getString(4),
          rs.getString(5),
          rs.getInt(6),
          rs.getInt(7),
          instant(rs, 8),
          instant(rs, 9),
          instant(rs, 10),
          rs.getString(11));
    }

    DeliveryRecord toRecord(List<Long> bots) {
      return new DeliveryRecord(
          id,
          application,
          event,
          handlerUrl,
          bots,
          DeliveryStatus.valueOf(status),
          attempts,
          replays,
          createdAt,
          nextAttemptAt,
          finishedAt,
          lastError);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
      OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
  }

  /** A filter as a WHERE clause with named parameters, and their values. */
  private record Where(String sql, Map<String, Object> values) {
    static Where of(DeliveryFilter filter) {
      List<String> clauses = new ArrayList<>();
      Map<String, Object> values = new LinkedHashMap<>();
      if (filter.application() != null) {
        clauses.add("application_key = :application");
        values.put("application", filter.application());
      }
      if (filter.botId() != null) {
        clauses.add("id IN (SELECT delivery_id FROM delivery_bot WHERE bot_id = :botId)");
        values.put("botId", filter.botId());
      }
      if (filter.event() != null) {
        clauses.add("event = :event");
        values.put("event", filter.event());
      }
      if (filter.handlerUrl() != null) {
        clauses.add("handler_url = :handlerUrl");
        values.put("handlerUrl", filter.handlerUrl());
      }
      if (filter.status() != null) {
        // As the indexes hold them on PostgreSQL: the pending rows' by a literal status, the
        // finished rows' by finished_at, which only they have (decision 179).
        if (filter.status().name().equals("PENDING")) {
          clauses.add("status = 'PENDING'");
        } else {
          clauses.add("status = :status AND finished_at IS NOT NULL");
          values.put("status", filter.status().name());
        }
      }
      if (filter.from() != null) {
        clauses.add("created_at >= :from");
        values.put("from", filter.from());
      }
      if (filter.to() != null) {
        clauses.add("created_at < :to");
        values.put("to", filter.to());
      }
      return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), values);
    }

    <S extends SqlStatement<S>> S bind(S statement) {
      values.forEach(statement::bind);
      return statement;
    }
  }
}
