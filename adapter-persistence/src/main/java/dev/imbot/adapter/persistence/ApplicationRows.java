package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.ApplicationKey;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * The {@code application} rows as the per-application lock and the parent of bots and bindings.
 * Rows are created on first use ({@link ApplicationRow#firstSeen}) and deleted only with the
 * application, so a lock row, once there, stays while the application has bots.
 */
final class ApplicationRows {
  private static final NamedStatement LOCK =
      NamedStatement.of(
          "SELECT application_key FROM application WHERE application_key = :key FOR UPDATE");
  // ON CONFLICT DO NOTHING: PostgreSQL, and H2 in PostgreSQL mode. A concurrent uncommitted insert
  // of the same key makes it wait for that transaction, on both, and then do nothing.
  private static final NamedStatement INSERT_IF_ABSENT =
      NamedStatement.of(
          "INSERT INTO application (application_key, kind, client_id, application_token)"
              + " VALUES (:applicationKey, :kind, :clientId, :applicationToken)"
              + " ON CONFLICT DO NOTHING");

  private ApplicationRows() {}

  /**
   * Locks the application's row until the transaction ends, creating it when absent. One statement
   * when the row exists; on the first use two, or three when another transaction created it at the
   * same moment. A row this transaction inserted needs no SELECT ... FOR UPDATE: nobody else sees
   * it before the commit, and a concurrent insert of the same key waits for that commit.
   */
  static void lock(Connection connection, ApplicationKey application) throws SQLException {
    if (selectForUpdate(connection, application)) {
      return;
    }
    if (insertIfAbsent(connection, application)) {
      return;
    }
    if (!selectForUpdate(connection, application)) {
      throw new IllegalStateException("application row vanished: " + application);
    }
  }

  /** Makes sure the application has its row (the parent of bots and bindings); does not lock it. */
  static void ensureExists(Handle handle, ApplicationKey application) throws SQLException {
    insertIfAbsent(handle.getConnection(), application);
  }

  private static boolean selectForUpdate(Connection connection, ApplicationKey application)
      throws SQLException {
    try (NamedStatement.Bound lock = LOCK.on(connection)) {
      return lock.string("key", application.value()).first((rs, context) -> true).isPresent();
    }
  }

  private static boolean insertIfAbsent(Connection connection, ApplicationKey application)
      throws SQLException {
    ApplicationRow row = ApplicationRow.firstSeen(application);
    try (NamedStatement.Bound insert = INSERT_IF_ABSENT.on(connection)) {
      return insert
              .string("applicationKey", row.applicationKey())
              .string("kind", row.kind())
              .string("clientId", row.clientId())
              .string("applicationToken", row.applicationToken())
              .update()
          == 1;
    }
  }
}
