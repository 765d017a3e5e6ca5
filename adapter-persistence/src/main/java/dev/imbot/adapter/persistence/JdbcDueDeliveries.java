package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.DuePosition;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
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
  // Each is what follows FROM event_delivery: H2 reads the rows and leases them by id, PostgreSQL
  // leases them in one statement (CLAIMED_HEAD).
  private static final String DUE =
      " WHERE status = 'PENDING' AND next_attempt_at <= :now"
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
  // The same from a position on: the index is read from there, not from the host's first row
  // (decision 179). Each claim of a draining host otherwise read past every row the claims before
  // it leased, and past every index entry of a row delivered since the table was last vacuumed.
  private static final String CLAIM_OF_HOST_AFTER =
      DUE
          + " AND handler_host = :host AND (next_attempt_at, id) > (:afterAt, :afterId)"
          + OLDEST_LOCKED;
  private static final String SELECT_DUE =
      "SELECT " + EventDeliveryRow.COLUMNS + " FROM event_delivery";
  // PostgreSQL: the due rows locked and leased in one statement, one round trip and one plan. The
  // rows are picked once (MATERIALIZED: a subquery under IN may be run again by its join, and lock
  // more than its LIMIT); RETURNING gives them in no set order.
  private static final String CLAIMED_HEAD =
      "WITH due AS MATERIALIZED (SELECT id FROM event_delivery";
  private static final String CLAIMED_TAIL =
      ") UPDATE event_delivery e SET lease_owner = :owner, lease_until = :leaseUntil"
          + " FROM due WHERE e.id = due.id RETURNING "
          + ("e." + EventDeliveryRow.COLUMNS.replace(", ", ", e."));
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
  // PostgreSQL: a batch's verdicts and log lines in one statement, over arrays of the outcomes
  // (decisions 169, 179): the verdicts applied while their leases hold, then the log lines of those
  // that held, in the outcomes' order, as the batch inserted them (a handler's health counts its
  // failures after its last success by id); it answers the positions of the verdicts that held. A
  // batch of single-row statements runs the prepared statement once per outcome, and each run uses
  // the plan the connection cached when the table was small: a sequential scan per outcome once it
  // has grown, with nothing to refresh the plan while no ANALYZE runs. One statement per batch is
  // also one plan, one execution and one round trip.
  static final String FINISH_ALL =
      "WITH o AS (SELECT * FROM unnest(?::int8[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::int4[], ?::text[], ?::int8[], ?::int4[], ?::text[], ?::text[])"
          + " WITH ORDINALITY AS v(id, owner, status, next_attempt_at, finished_at, last_error,"
          + " number, started_at, duration_ms, http_status, response_start, cause, position)),"
          + " held AS (UPDATE event_delivery e SET status = o.status, attempts = e.attempts + 1,"
          + " next_attempt_at = o.next_attempt_at::timestamptz,"
          + " finished_at = o.finished_at::timestamptz, lease_owner = NULL, lease_until = NULL,"
          + " last_error = o.last_error FROM o WHERE e.id = o.id AND e.lease_owner = o.owner"
          + " RETURNING e.id, e.replays, o.position),"
          + " logged AS (INSERT INTO delivery_attempt (delivery_id, series, number, started_at,"
          + " duration_ms, http_status, response_start, cause) SELECT held.id, held.replays + 1,"
          + " o.number, o.started_at::timestamptz, o.duration_ms, o.http_status,"
          + " o.response_start, o.cause FROM held JOIN o ON o.position = held.position"
          + " ORDER BY held.position)"
          + " SELECT position FROM held";
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
   * One transaction: lock the due rows and lease them (one statement on PostgreSQL, two on H2);
   * with hosts to skip, the hosts with pending deliveries are read first and the others named.
   */
  @Override
  public List<DueDelivery> claim(
      String owner, Instant now, Instant leaseUntil, int limit, java.util.Set<String> skipped) {
    return claim(
        "claim due deliveries",
        owner,
        now,
        leaseUntil,
        limit,
        handle -> {
          if (skipped.isEmpty()) {
            return new Due(CLAIM, query -> query);
          }
          List<String> hosts =
              handle.createQuery(PENDING_HOSTS).mapTo(String.class).list().stream()
                  .filter(host -> !skipped.contains(host))
                  .toList();
          if (hosts.isEmpty()) {
            return new Due(CLAIM_UNHOSTED, query -> query);
          } else if (hosts.size() <= MAX_NAMED_HOSTS) {
            return new Due(CLAIM_AMONG, query -> query.bindList("hosts", hosts));
          }
          List<String> left = List.copyOf(skipped);
          return new Due(CLAIM_SKIPPING, query -> query.bindList("skipped", left));
        });
  }

  @Override
  public List<DueDelivery> claimOf(
      String owner, String host, Instant now, Instant leaseUntil, int limit) {
    return claimOfHost(owner, host, now, leaseUntil, limit, null);
  }

  @Override
  public List<DueDelivery> claimOf(
      String owner, String host, Instant now, Instant leaseUntil, int limit, DuePosition after) {
    return claimOfHost(owner, host, now, leaseUntil, limit, Objects.requireNonNull(after));
  }

  /** The host's backlog from its start, or with {@code after} from there on. */
  private List<DueDelivery> claimOfHost(
      String owner, String host, Instant now, Instant leaseUntil, int limit, DuePosition after) {
    return claim(
        "claim due deliveries to " + host,
        owner,
        now,
        leaseUntil,
        limit,
        handle ->
            after == null
                ? new Due(CLAIM_OF_HOST, query -> query.bind("host", host))
                : new Due(
                    CLAIM_OF_HOST_AFTER,
                    query ->
                        query
                            .bind("host", host)
                            .bind("afterAt", after.dueAt())
                            .bind("afterId", after.id())));
  }

  /**
   * Which rows a claim takes: what follows {@code FROM event_delivery}, and what it binds besides
   * {@code now} and {@code limit}, which every claim binds.
   */
  private record Due(String condition, UnaryOperator<Query> binds) {}

  private List<DueDelivery> claim(
      String what,
      String owner,
      Instant now,
      Instant leaseUntil,
      int limit,
      Function<Handle, Due> pick) {
    return database.writeUnflushed(
        what,
        handle -> {
          Due due = pick.apply(handle);
          if (database.postgres(handle.getConnection())) {
            Query leased =
                handle
                    .createQuery(CLAIMED_HEAD + due.condition() + CLAIMED_TAIL)
                    .bind("owner", owner)
                    .bind("leaseUntil", leaseUntil)
                    .bind("now", now)
                    .bind("limit", limit);
            return due.binds().apply(leased).mapTo(EventDeliveryRow.class).list().stream()
                .map(JdbcDueDeliveries::toDue)
                .sorted(Comparator.comparing(DueDelivery::position))
                .toList();
          }
          List<EventDeliveryRow> rows =
              due.binds()
                  .apply(
                      handle
                          .createQuery(SELECT_DUE + due.condition())
                          .bind("now", now)
                          .bind("limit", limit))
                  .mapTo(EventDeliveryRow.class)
                  .list();
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

  /** The row as a claim answers it. */
  static DueDelivery toDue(EventDeliveryRow row) {
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
        row.attempts(),
        row.nextAttemptAt());
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
   * {@link #finishAll} on PostgreSQL: the verdicts (each while its lease holds) and the log lines
   * of those that held in one statement. An outcome repeated in one batch (the same delivery and
   * owner) is stored once, by its first, as the batch of single statements would.
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
    List<AttemptRecord> attempts = verdicts.stream().map(Outcome::attempt).toList();
    Set<Holder> held = new HashSet<>();
    try (PreparedStatement finish = connection.prepareStatement(FINISH_ALL)) {
      finish.setArray(1, array(connection, "int8", verdicts, Outcome::id, Long[]::new));
      finish.setArray(2, array(connection, "text", verdicts, Outcome::owner, String[]::new));
      finish.setArray(3, array(connection, "text", columns, VerdictColumns::status, String[]::new));
      finish.setArray(
          4, array(connection, "text", columns, c -> text(c.nextAttemptAt()), String[]::new));
      finish.setArray(
          5, array(connection, "text", columns, c -> text(c.finishedAt()), String[]::new));
      finish.setArray(
          6, array(connection, "text", columns, VerdictColumns::lastError, String[]::new));
      finish.setArray(
          7, array(connection, "int4", attempts, AttemptRecord::number, Integer[]::new));
      finish.setArray(
          8, array(connection, "text", attempts, a -> text(a.startedAt()), String[]::new));
      finish.setArray(
          9, array(connection, "int8", attempts, a -> a.duration().toMillis(), Long[]::new));
      finish.setArray(
          10, array(connection, "int4", attempts, AttemptRecord::status, Integer[]::new));
      finish.setArray(
          11, array(connection, "text", attempts, a -> truncate(a.responseStart()), String[]::new));
      finish.setArray(
          12, array(connection, "text", attempts, a -> truncate(a.cause()), String[]::new));
      try (ResultSet rows = finish.executeQuery()) {
        while (rows.next()) {
          Outcome o = verdicts.get(rows.getInt(1) - 1);
          held.add(new Holder(o.id(), o.owner()));
        }
      }
    }
    List<Boolean> stored = new ArrayList<>(outcomes.size());
    Set<Holder> seen = new HashSet<>();
    for (Outcome o : outcomes) {
      Holder holder = new Holder(o.id(), o.owner());
      stored.add(seen.add(holder) && held.contains(holder));
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
