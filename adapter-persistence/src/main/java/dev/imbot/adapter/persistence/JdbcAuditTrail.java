package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.audit.AuditTrail;
import dev.imbot.domain.audit.Actor;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.audit.AuditEntry;
import dev.imbot.domain.audit.AuditFilter;
import dev.imbot.domain.audit.AuditPage;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Query;

/**
 * Persistence adapter: the audit trail in {@code audit_entry}. An append joins the current unit of
 * work, so it commits or rolls back with the change it records.
 */
@Singleton
public final class JdbcAuditTrail implements AuditTrail {
  // Every change of the registry writes one: on the busiest paths, so bound without Jdbi.
  private static final NamedStatement INSERT =
      NamedStatement.of(
          "INSERT INTO audit_entry (at, action, actor_kind, actor_user_id, actor_application,"
              + " actor_ip, bot_id, application_key, subject, details) VALUES (:at, :action,"
              + " :actorKind, :actorUserId, :actorApplication, :actorIp, :botId, :application,"
              + " :subject, :details)");
  private static final String COLUMNS =
      "id, at, action, actor_kind, actor_user_id, actor_application, actor_ip, bot_id,"
          + " application_key, subject, details";

  private final Database database;

  JdbcAuditTrail(Database database) {
    this.database = database;
  }

  /**
   * Held back to ride along with the unit of work's next write that takes it (a new bot's rows) or
   * to go just before its commit: a registration records its change in the exchange that stores its
   * bot, one round trip fewer. Outside a unit of work, written at once.
   */
  @Override
  public void append(AuditEntry entry) {
    Actor actor = entry.actor();
    database.defer(
        "record " + entry.action(),
        INSERT,
        insert ->
            insert
                .instant("at", entry.at())
                .string("action", entry.action().name())
                .string("actorKind", actor.kind().name())
                .number("actorUserId", actor.userId())
                .string("actorApplication", actor.application())
                .string("actorIp", actor.ip())
                .number("botId", entry.botId())
                .string("application", entry.application())
                .string("subject", entry.subject())
                .string("details", entry.details()));
  }

  @Override
  public AuditPage find(AuditFilter filter, int offset, int limit) {
    List<Object> parameters = new ArrayList<>();
    String where = where(filter, parameters);
    return database.read(
        "read the audit trail",
        handle -> {
          Query count = handle.createQuery("SELECT COUNT(*) FROM audit_entry" + where);
          bindAll(count, parameters);
          long total = count.mapTo(Long.class).one();
          List<Object> paged = new ArrayList<>(parameters);
          paged.add(limit);
          paged.add(offset);
          Query page =
              handle.createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM audit_entry"
                      + where
                      + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
          bindAll(page, paged);
          List<AuditEntry> entries = page.map((row, context) -> entry(row)).list();
          Integer next = offset + entries.size() < total ? offset + entries.size() : null;
          return new AuditPage(entries, total, next);
        });
  }

  @Override
  public int deleteBefore(Instant cutoff) {
    return database.write(
        "prune the audit trail",
        handle ->
            handle
                .createUpdate("DELETE FROM audit_entry WHERE at < ?")
                .bind(0, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .execute());
  }

  private static String where(AuditFilter filter, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    add(conditions, parameters, "bot_id = ?", filter.botId());
    add(conditions, parameters, "application_key = ?", filter.application());
    add(
        conditions,
        parameters,
        "actor_kind = ?",
        filter.actorKind() == null ? null : filter.actorKind().name());
    add(conditions, parameters, "actor_user_id = ?", filter.actorUserId());
    add(conditions, parameters, "actor_application = ?", filter.actorApplication());
    add(
        conditions,
        parameters,
        "action = ?",
        filter.action() == null ? null : filter.action().name());
    add(
        conditions,
        parameters,
        "at >= ?",
        filter.from() == null ? null : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
    add(
        conditions,
        parameters,
        "at < ?",
        filter.to() == null ? null : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds the filter's values, none of them null, in order. */
  private static void bindAll(Query query, List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      query.bind(i, values.get(i));
    }
  }

  private static void add(
      List<String> conditions, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      conditions.add(condition);
      parameters.add(value);
    }
  }

  private static AuditEntry entry(ResultSet row) throws SQLException {
    long userId = row.getLong(5);
    Long actorUser = row.wasNull() ? null : userId;
    long botId = row.getLong(8);
    Long bot = row.wasNull() ? null : botId;
    return new AuditEntry(
        row.getLong(1),
        row.getObject(2, OffsetDateTime.class).toInstant(),
        AuditAction.valueOf(row.getString(3)),
        new Actor(
            Actor.Kind.valueOf(row.getString(4)), actorUser, row.getString(6), row.getString(7)),
        bot,
        row.getString(9),
        row.getString(10),
        row.getString(11));
  }
}
