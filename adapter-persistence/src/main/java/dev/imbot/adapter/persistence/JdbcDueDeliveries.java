package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.PendingEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Persistence adapter: the worker's view of {@code event_delivery}. A claim locks due rows with
 * {@code FOR UPDATE SKIP LOCKED} (the same SQL on H2 and PostgreSQL), so concurrent workers of any
 * instance take disjoint rows, and marks them leased; a lease that runs out makes the row due
 * again. Finishing an attempt logs it in {@code delivery_attempt} and applies the verdict only
 * while the lease is still the finisher's. Claims, leases and outcomes commit without waiting for
 * the disk ({@link Database#writeUnflushed}); an application's resumed or dropped deliveries do.
 */
@Singleton
public final class JdbcDueDeliveries implements DueDeliveries {
  // Every claim: due, unleased pending rows, oldest first, locked; the variants differ in hosts.
  private static final String DUE =
      "SELECT "
          + EventDeliveryRow.COLUMNS
          + " FROM event_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now"
          + " AND (lease_until IS NULL OR lease_until <= :now)";
  private static final String OLDEST_LOCKED =
      " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED";
  private static final String CLAIM = DUE + OLDEST_LOCKED;
  // The hosts with pending deliveries, read from event_delivery_host_due_idx one host at a time
  // (a loose index scan): as many index probes as hosts, however long their backlogs.
  private static final String PENDING_HOSTS =
      "WITH RECURSIVE hosts (host) AS ("
          + " SELECT MIN(handler_host) FROM event_delivery WHERE status = 'PENDING'"
          + " UNION ALL SELECT (SELECT MIN(e.handler_host) FROM event_delivery e"
          + " WHERE e.status = 'PENDING' AND e.handler_host > h.host)"
          + " FROM hosts h WHERE h.host IS NOT NULL)"
          + " SELECT host FROM hosts WHERE host IS NOT NULL";
  // Rows enqueued before handler_host existed have none and are never skipped. The hosts are named
  // rather than the skipped ones excluded: a claim that excludes reads past every due row of the
  // skipped hosts (a busy host's whole backlog) to find none.
  private static final String CLAIM_AMONG =
      DUE + " AND (handler_host IS NULL OR handler_host IN (<hosts>))" + OLDEST_LOCKED;
  // With more hosts than this pending, the skipped ones are excluded instead of the rest named.
  static final int MAX_NAMED_HOSTS = 500;
  private static final String CLAIM_SKIPPING =
      DUE + " AND (handler_host IS NULL OR handler_host NOT IN (<skipped>))" + OLDEST_LOCKED;
  private static final String CLAIM_UNHOSTED = DUE + " AND handler_host IS NULL" + OLDEST_LOCKED;
  // One host's backlog, through event_delivery_host_due_idx.
  private static final String CLAIM_OF_HOST = DUE + " AND handler_host = :host" + OLDEST_LOCKED;
  private static final String LEASE =
      "UPDATE event_delivery SET lease_owner = :owner, lease_until = :leaseUntil WHERE id IN (<ids>)";
  private static final String FINISH =
      "UPDATE event_delivery SET status = :status, attempts = attempts + 1,"
          + " next_attempt_at = :nextAttemptAt, finished_at = :finishedAt, lease_owner = NULL,"
          + " lease_until = NULL, last_error = :lastError WHERE id = :id AND lease_owner = :owner";
  // The series is the delivery's: one more than its replays.
  private static final String LOG_ATTEMPT =
      "INSERT INTO delivery_attempt (delivery_id, series, number, started_at, duration_ms,"
          + " http_status, response_start, cause) SELECT id, replays + 1, :number, :startedAt,"
          + " :durationMs, :status, :responseStart, :cause FROM event_delivery WHERE id = :id";
  // PostgreSQL: a batch's verdicts and log lines as one statement each, over arrays of the
  // outcomes (decision 169). A batch of single-row statements runs the prepared statement once per
  // outcome, and each run uses the plan the connection cached when the table was small: a
  // sequential scan per outcome once it has grown, with nothing to refresh the plan while no
  // ANALYZE runs. One statement per batch is also one plan, one execution, for PostgreSQL's CPU.
  // The log lines go in in the outcomes' order, as the batch inserted them: a handler's health
  // counts its failures after its last success by id.
  static final String FINISH_ALL =
      "UPDATE event_delivery e SET status = v.status, attempts = e.attempts + 1,"
          + " next_attempt_at = v.next_attempt_at::timestamptz,"
          + " finished_at = v.finished_at::timestamptz, lease_owner = NULL, lease_until = NULL,"
          + " last_error = v.last_error"
          + " FROM unnest(?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
          + " AS v(id, owner, status, next_attempt_at, finished_at, last_error)"
          + " WHERE e.id = v.id AND e.lease_owner = v.owner RETURNING e.id, v.owner";
  private static final String LOG_ALL =
      "INSERT INTO delivery_attempt (delivery_id, series, number, started_at, duration_ms,"
          + " http_status, response_start, cause) SELECT e.id, e.replays + 1, v.number,"
          + " v.started_at::timestamptz, v.duration_ms, v.status, v.response_start, v.cause"
          + " FROM unnest(?::int8[], ?::int4[], ?::text[], ?::int8[], ?::int4[], ?::text[],"
          + " ?::text[]) WITH ORDINALITY"
          + " AS v(id, number, started_at, duration_ms, status, response_start, cause, position)"
          + " JOIN event_delivery e ON e.id = v.id ORDER BY v.position";
  private static final String DEFER =
      "UPDATE event_delivery SET next_attempt_at = :dueAt, lease_owner = NULL, lease_until = NULL"
          + " WHERE id IN (<ids>) AND lease_owner = :owner";
  private static final String PARK =
      "UPDATE event_delivery SET next_attempt_at = :dueAt, lease_owner = NULL, lease_until = NULL,"
          + " last_error = :reason WHERE id = :id AND lease_owner = :owner";
  private static final String RESUME =
      "UPDATE event_delivery SET next_attempt_at = :now WHERE application_key = :application"
          + " AND status = 'PENDING' AND attempts = 0 AND next_attempt_at > :now";
  private static final String DROP =
      "UPDATE event_delivery SET status = 'DEAD', finished_at = :now, lease_owner = NULL,"
          + " lease_until = NULL, last_error = :reason"
          + " WHERE application_key = :application AND status = 'PENDING'";
  private static final String HAS_PENDING =
      "SELECT COUNT(*) FROM event_delivery WHERE application_key = :application"
          + " AND event = :event AND status = 'PENDING'";
  private static final String RELEASE_ALL =
      "UPDATE event_delivery SET lease_owner = NULL, lease_until = NULL WHERE status = 'PENDING'"
          + " AND lease_owner = :owner";

  private final Database database;

  JdbcDueDeliveries(Database database) {
    this.database = database.seeingHeld();
  }

  /**
   * Two statements in one transaction: lock the due rows, lease them; with hosts to skip, the hosts
   * with pending deliveries are read first and the others named.
   */
  @Override
  public List<DueDelivery> claim(
      String owner, Instant now, Instant leaseUntil, int limit, java.util.Set<String> skipped) {
    return claim(
        "claim due deliveries",
        owner,
        leaseUntil,
        handle -> {
          if (skipped.isEmpty()) {
            return handle.createQuery(CLAIM).bind("now", now).bind("limit", limit);
          }
          List<String> hosts =
              handle.createQuery(PENDING_HOSTS).mapTo(String.class).list().stream()
                  .filter(host -> !skipped.contains(host))
                  .toList();
          Query query;
          if (hosts.isEmpty()) {
            query = handle.createQuery(CLAIM_UNHOSTED);
          } else if (hosts.size() <= MAX_NAMED_HOSTS) {
            query = handle.createQuery(CLAIM_AMONG).bindList("hosts", hosts);
          } else {
            query = handle.createQuery(CLAIM_SKIPPING).bindList("skipped", List.copyOf(skipped));
          }
          return query.bind("now", now).bind("limit", limit);
        });
  }

  @Override
  public List<DueDelivery> claimOf(
      String owner, String host, Instant now, Instant leaseUntil, int limit) {
    return claim(
        "claim due deliveries to " + host,
        owner,
        leaseUntil,
        handle ->
            handle
                .createQuery(CLAIM_OF_HOST)
                .bind("host", host)
                .bind("now", now)
                .bind("limit", limit));
  }

  private List<DueDelivery> claim(
      String what, String owner, Instant leaseUntil, Function<Handle, Query> select) {
    return database.writeUnflushed(
        what,
        handle -> {
          List<EventDeliveryRow> rows = select.apply(handle).mapTo(EventDeliveryRow.class).list();
          if (rows.isEmpty()) {
            return List.of();
          }
          handle
              .createUpdate(LEASE)
              .bind("owner", owner)
              .bind("leaseUntil", leaseUntil)
              .bindList("ids", rows.stream().map(EventDeliveryRow::id).toList())
              .execute();
          return rows.stream().map(JdbcDueDeliveries::toDue).toList();
        });
  }

  private static DueDelivery toDue(EventDeliveryRow row) {
    Delivery delivery = row.toDelivery();
    PendingEvent event = delivery.event();
    return new DueDelivery(
        row.id(),
        row.applicationKey(),
        row.event(),
        row.handlerBindingId(),
        row.handlerUrl(),
        event.data(),
        event.subjects(),
        row.attempts());
  }

  /**
   * Two batches in one transaction: the verdicts (each while its lease holds), then the log lines
   * of those that held.
   */
  @Override
  public List<Boolean> finishAll(List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return List.of();
    }
    return database.writeUnflushed(
        "finish " + outcomes.size() + " deliveries",
        handle -> {
          if (database.postgres(handle.getConnection())) {
            return finishAllAtOnce(handle.getConnection(), outcomes);
          }
          PreparedBatch verdicts = handle.prepareBatch(FINISH);
          for (Outcome o : outcomes) {
            bindVerdict(verdicts, o.id(), o.owner(), o.attempt(), o.verdict()).add();
          }
          int[] updated = verdicts.execute();
          PreparedBatch log = handle.prepareBatch(LOG_ATTEMPT);
          List<Boolean> stored = new ArrayList<>(outcomes.size());
          for (int i = 0; i < outcomes.size(); i++) {
            boolean held = updated[i] > 0;
            stored.add(held);
            if (held) {
              bindLog(log, outcomes.get(i).id(), outcomes.get(i).attempt()).add();
            }
          }
          if (log.size() > 0) {
            log.execute();
          }
          return stored;
        });
  }

  /**
   * {@link #finishAll} on PostgreSQL: the verdicts in one statement (each while its lease holds),
   * then the log lines of those that held in another. An outcome repeated in one batch (the same
   * delivery and owner) is stored once, by its first, as the batch of single statements would.
   */
  private static List<Boolean> finishAllAtOnce(Connection connection, List<Outcome> outcomes)
      throws SQLException {
    Map<Holder, Outcome> firsts = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      firsts.putIfAbsent(new Holder(o.id(), o.owner()), o);
    }
    List<Outcome> verdicts = List.copyOf(firsts.values());
    List<VerdictColumns> columns =
        verdicts.stream().map(o -> VerdictColumns.of(o.attempt(), o.verdict())).toList();
    Set<Holder> held = new HashSet<>();
    try (PreparedStatement update = connection.prepareStatement(FINISH_ALL)) {
      update.setArray(1, array(connection, "int8", verdicts, Outcome::id, Long[]::new));
      update.setArray(2, array(connection, "text", verdicts, Outcome::owner, String[]::new));
      update.setArray(3, array(connection, "text", columns, VerdictColumns::status, String[]::new));
      update.setArray(
          4, array(connection, "text", columns, c -> text(c.nextAttemptAt()), String[]::new));
      update.setArray(
          5, array(connection, "text", columns, c -> text(c.finishedAt()), String[]::new));
      update.setArray(
          6, array(connection, "text", columns, VerdictColumns::lastError, String[]::new));
      try (ResultSet rows = update.executeQuery()) {
        while (rows.next()) {
          held.add(new Holder(rows.getLong(1), rows.getString(2)));
        }
      }
    }
    List<Boolean> stored = new ArrayList<>(outcomes.size());
    List<Outcome> logged = new ArrayList<>(held.size());
    Set<Holder> seen = new HashSet<>();
    for (Outcome o : outcomes) {
      Holder holder = new Holder(o.id(), o.owner());
      boolean isHeld = seen.add(holder) && held.contains(holder);
      stored.add(isHeld);
      if (isHeld) {
        logged.add(o);
      }
    }
    if (!logged.isEmpty()) {
      List<AttemptRecord> attempts = logged.stream().map(Outcome::attempt).toList();
      try (PreparedStatement log = connection.prepareStatement(LOG_ALL)) {
        log.setArray(1, array(connection, "int8", logged, Outcome::id, Long[]::new));
        log.setArray(2, array(connection, "int4", attempts, AttemptRecord::number, Integer[]::new));
        log.setArray(
            3, array(connection, "text", attempts, a -> text(a.startedAt()), String[]::new));
        log.setArray(
            4, array(connection, "int8", attempts, a -> a.duration().toMillis(), Long[]::new));
        log.setArray(5, array(connection, "int4", attempts, AttemptRecord::status, Integer[]::new));
        log.setArray(
            6,
            array(connection, "text", attempts, a -> truncate(a.responseStart()), String[]::new));
        log.setArray(
            7, array(connection, "text", attempts, a -> truncate(a.cause()), String[]::new));
        log.executeUpdate();
      }
    }
    return stored;
  }

  /** One column of {@code rows} as a PostgreSQL array of {@code type}. */
  private static <R, V> java.sql.Array array(
      Connection connection,
      String type,
      List<R> rows,
      Function<R, V> column,
      IntFunction<V[]> newArray)
      throws SQLException {
    return connection.createArrayOf(type, rows.stream().map(column).toArray(newArray));
  }

  /** An instant as PostgreSQL reads it into a {@code timestamptz} (null stays null). */
  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** A delivery and the worker an outcome says holds its lease. */
  private record Holder(long id, String owner) {}

  /** The columns a verdict sets, as both ways of finishing write them. */
  private record VerdictColumns(
      String status, Instant nextAttemptAt, Instant finishedAt, String lastError) {
    static VerdictColumns of(AttemptRecord attempt, Verdict verdict) {
      String status =
          verdict instanceof Verdict.Delivered
              ? "DELIVERED"
              : verdict instanceof Verdict.Dead ? "DEAD" : "PENDING";
      String error = verdict instanceof Verdict.Dead dead ? dead.reason() : attempt.cause();
      Instant next = verdict instanceof Verdict.RetryAt retry ? retry.at() : attempt.startedAt();
      Instant finishedAt =
          verdict instanceof Verdict.RetryAt ? null : attempt.startedAt().plus(attempt.duration());
      return new VerdictColumns(status, next, finishedAt, truncate(error));
    }
  }

  private static <S extends SqlStatement<S>> S bindVerdict(
      S statement, long id, String owner, AttemptRecord attempt, Verdict verdict) {
    VerdictColumns columns = VerdictColumns.of(attempt, verdict);
    return statement
        .bind("status", columns.status())
        .bind("nextAttemptAt", columns.nextAttemptAt())
        .bind("finishedAt", columns.finishedAt())
        .bind("lastError", columns.lastError())
        .bind("id", id)
        .bind("owner", owner);
  }

  private static <S extends SqlStatement<S>> S bindLog(
      S statement, long id, AttemptRecord attempt) {
    return statement
        .bind("id", id)
        .bind("number", attempt.number())
        .bind("startedAt", attempt.startedAt())
        .bind("durationMs", attempt.duration().toMillis())
        .bind("status", attempt.status())
        .bind("responseStart", truncate(attempt.responseStart()))
        .bind("cause", truncate(attempt.cause()));
  }

  /** Two statements in one transaction: the verdict (while the lease holds), then the log line. */
  @Override
  public boolean finish(long id, String owner, AttemptRecord attempt, Verdict verdict) {
    return database.writeUnflushed(
        "finish delivery " + id,
        handle -> {
          if (bindVerdict(handle.createUpdate(FINISH), id, owner, attempt, verdict).execute()
              == 0) {
            return false;
          }
          bindLog(handle.createUpdate(LOG_ATTEMPT), id, attempt).execute();
          return true;
        });
  }

  @Override
  public void deferAll(List<Long> ids, String owner, Instant dueAt) {
    if (ids.isEmpty()) {
      return;
    }
    database.writeUnflushed(
        "give back " + ids.size() + " deliveries",
        handle ->
            handle
                .createUpdate(DEFER)
                .bind("dueAt", dueAt)
                .bindList("ids", ids)
                .bind("owner", owner)
                .execute());
  }

  @Override
  public void park(long id, String owner, Instant dueAt, String reason) {
    database.writeUnflushed(
        "park delivery " + id,
        handle ->
            handle
                .createUpdate(PARK)
                .bind("dueAt", dueAt)
                .bind("reason", truncate(reason))
                .bind("id", id)
                .bind("owner", owner)
                .execute());
  }

  @Override
  public int resume(String application, Instant now) {
    return database.write(
        "resume deliveries of " + application,
        handle ->
            handle
                .createUpdate(RESUME)
                .bind("now", now)
                .bind("application", application)
                .execute());
  }

  @Override
  public int drop(String application, String reason, Instant now) {
    return database.write(
        "drop deliveries of " + application,
        handle ->
            handle
                .createUpdate(DROP)
                .bind("now", now)
                .bind("reason", truncate(reason))
                .bind("application", application)
                .execute());
  }

  @Override
  public boolean hasPending(String application, String event) {
    return database.read(
        "pending " + event + " of " + application,
        handle ->
            handle
                    .createQuery(HAS_PENDING)
                    .bind("application", application)
                    .bind("event", event)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  @Override
  public void releaseAll(String owner) {
    database.writeUnflushed(
        "release deliveries of " + owner,
        handle -> handle.createUpdate(RELEASE_ALL).bind("owner", owner).execute());
  }

  /**
   * At most 1024 characters, without NUL: PostgreSQL refuses NUL in text, and a handler answering
   * binary data must not make its attempt unloggable (a NUL shows as U+FFFD).
   */
  static String truncate(String text) {
    if (text == null) {
      return null;
    }
    String kept = text.length() <= 1024 ? text : text.substring(0, 1024);
    return kept.indexOf('\u0000') < 0 ? kept : kept.replace('\u0000', '\uFFFD');
  }
}
