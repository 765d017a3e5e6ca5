package dev.imbot.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.imbot.application.port.out.WriteConflictException;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Persistence adapter: runs the adapters' JDBC work on the connection of the current transaction,
 * opening a short one when no unit of work is active, and translates SQL failures.
 *
 * <p>Plain JDBC on Micronaut's transaction-bound connection rather than generated repositories:
 * each port method is a handful of hand-written statements that must be the same for H2 and
 * PostgreSQL, must be countable, and must report a lost race by its SQLState.
 */
@Singleton
final class Database {
  /**
   * SQLStates that mean "a concurrent writer won": unique violation, serialization failure and
   * deadlock (class 40), on both databases.
   */
  private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01");

  /** H2's "timeout trying to lock table" (SQLState HYT00, shared with other timeouts). */
  private static final int H2_LOCK_TIMEOUT = 50200;

  private final TransactionOperations<Connection> transactions;
  private final ConnectionOperations<Connection> connections;
  private final DataSource dataSource;

  Database(
      TransactionOperations<Connection> transactions,
      ConnectionOperations<Connection> connections,
      DataSource dataSource) {
    this.transactions = transactions;
    this.connections = connections;
    this.dataSource = dataSource;
  }

  /** Work that reads or writes through one connection. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs read-only {@code work}, joining the current unit of work if there is one. Outside one it
   * runs on a connection in auto-commit mode: every read is a single statement, which read
   * committed gives no more consistency inside a transaction than outside, and auto-commit saves
   * the round trips of BEGIN and COMMIT (on PostgreSQL, half of a token lookup's).
   */
  <T> T read(String action, Work<T> work) {
    if (inTransaction()) {
      return connected(
          () -> transactions.executeRead(status -> run(action, work, status.getConnection())));
    }
    return connected(
        () ->
            connections.execute(
                ConnectionDefinition.READ_ONLY,
                status -> run(action, work, status.getConnection())));
  }

  /** Runs {@code work} atomically, joining the current unit of work if there is one. */
  <T> T write(String action, Work<T> work) {
    return connected(
        () -> transactions.executeWrite(status -> run(action, work, status.getConnection())));
  }

  /**
   * Runs {@code call}, which opens or prepares a connection, and reports a connection that cannot
   * be had or set up (say {@code setReadOnly} on a pooled connection whose server went away, which
   * the pool reports as a bare "Connection is closed" without an SQLState) as the connection
   * failure it is: a {@link SQLTransientConnectionException} (SQLState 08003) in the causes, which
   * callers treat as "database unreachable, try again" rather than as a bug.
   */
  <T> T connected(Supplier<T> call) {
    try {
      return call.get();
    } catch (ConnectionException e) {
      if (!isPoolTimeout(e)) {
        evictPooledConnections();
      }
      SQLTransientConnectionException lost =
          new SQLTransientConnectionException(
              "no usable database connection: " + e.getMessage(), "08003", e);
      throw new DataAccessException("database connection failed: " + e.getMessage(), lost);
    } catch (RuntimeException e) {
      if (isBrokenConnection(e)) {
        evictPooledConnections();
      }
      throw e;
    }
  }

  /**
   * Once one pooled connection turned out dead, its siblings most likely are too (the server went
   * away or restarted), yet the pool would hand each out once more: some drivers' validity check
   * (H2's remote one) does not ask the server, and the pool skips the check for a connection used
   * in the last 500 ms. Retiring them all makes the next call open a fresh connection, which
   * succeeds as soon as the server is back.
   */
  private void evictPooledConnections() {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        if (pool != null) {
          pool.softEvictConnections();
        }
      }
    } catch (SQLException notHikari) {
      // Another pool: it finds its dead connections on its own.
    }
  }

  /** The pool waited in vain for a connection (it may just be busy): nothing to retire. */
  private static boolean isPoolTimeout(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  /** A connection failure (SQL state class 08, or JDBC's non-transient connection exception). */
  private static boolean isBrokenConnection(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  /** Reads one row of a result set into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * Runs the query {@code sql} on {@code connection} with {@code parameters} (bound in order) and
   * reads every row with {@code reader}, in the order the query gives.
   */
  static <T> List<T> query(
      Connection connection, String sql, RowReader<T> reader, Object... parameters)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        List<T> values = new ArrayList<>();
        while (rows.next()) {
          values.add(reader.read(rows));
        }
        return Collections.unmodifiableList(values);
      }
    }
  }

  /**
   * Runs the statement {@code sql} with {@code parameters} (bound in order); the rows it changed.
   */
  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    }
  }

  /** Whether the calling thread is inside a transaction (a unit of work). */
  boolean inTransaction() {
    return transactions.findTransactionStatus().isPresent();
  }

  TransactionOperations<Connection> transactions() {
    return transactions;
  }

  private static <T> T run(String action, Work<T> work, Connection connection) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw translate(action, e);
    }
  }

  /**
   * A lost race becomes {@link WriteConflictException} (the services retry the unit of work);
   * anything else, a lost connection included, stays a failure the caller cannot fix.
   */
  static RuntimeException translate(String action, SQLException e) {
    if (isConflict(e)) {
      return new WriteConflictException(action + " lost to a concurrent write", e);
    }
    return new DataAccessException(action + " failed: " + e.getMessage(), e);
  }

  private static boolean isConflict(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (CONFLICT_STATES.contains(next.getSQLState()) || isH2LockTimeout(next)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isH2LockTimeout(SQLException e) {
    return e.getErrorCode() == H2_LOCK_TIMEOUT && "HYT00".equals(e.getSQLState());
  }
}
