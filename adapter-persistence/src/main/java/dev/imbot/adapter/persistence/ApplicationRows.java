package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.ApplicationKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code application} rows: the per-application lock, and the parent of bots and bindings. Rows
 * are created on first use and never deleted, so a lock row, once there, stays.
 */
final class ApplicationRows {
  private static final String LOCK =
      "SELECT application_key FROM application WHERE application_key = ? FOR UPDATE";
  // ON CONFLICT DO NOTHING: PostgreSQL, and H2 in PostgreSQL mode. A concurrent uncommitted insert
  // of the same key makes it wait for that transaction, on both, and then do nothing.
  private static final String INSERT_IF_ABSENT =
      "INSERT INTO application (application_key) VALUES (?) ON CONFLICT DO NOTHING";

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
  static void ensureExists(Connection connection, ApplicationKey application) throws SQLException {
    insertIfAbsent(connection, application);
  }

  private static boolean selectForUpdate(Connection connection, ApplicationKey application)
      throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setString(1, application.value());
      try (ResultSet row = lock.executeQuery()) {
        return row.next();
      }
    }
  }

  private static boolean insertIfAbsent(Connection connection, ApplicationKey application)
      throws SQLException {
    return Database.update(connection, INSERT_IF_ABSENT, application.value()) == 1;
  }
}
