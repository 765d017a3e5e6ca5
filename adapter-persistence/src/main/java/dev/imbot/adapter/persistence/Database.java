package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.WriteConflictException;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Persistence adapter: runs the adapters' SQL on the connection of the current transaction, opening
 * a short one when no unit of work is active, and translates SQL failures.
 *
 * <p>SQL goes through Jdbi (named parameters bound from row records, rows mapped to records by
 * column name) on the connection Micronaut's transaction manager holds, so units of work, the count
 * of statements and the SQLState of a lost race stay exactly as with plain JDBC. Every statement is
 * hand-written and the same for H2 and PostgreSQL.
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

  /** The row records Jdbi maps by constructor (record component = column name in snake case). */
  private static final Class<?>[] ROWS = {
    BotRow.class,
    BotSummaryRow.class,
    ApplicationRow.class,
    HandlerBindingRow.class,
    PersonRow.class,
    WebhookRow.class,
    EventDeliveryRow.class
  };

  private final TransactionOperations<Connection> transactions;
  private final ConnectionOperations<Connection> connections;
  private final Jdbi jdbi;

  /** The connection the current {@link #run} works on; Jdbi's handles borrow it, never close it. */
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  Database(
      TransactionOperations<Connection> transactions,
      ConnectionOperations<Connection> connections) {
    this.transactions = transactions;
    this.connections = connections;
    this.jdbi = Jdbi.create(new BorrowedConnections());
    // Micronaut begins and ends transactions; a handle closing inside one must leave it alone.
    jdbi.getConfig(Handles.class).setForceEndTransactions(false);
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerColumnMapper(
        Instant.class,
        (rows, column, context) -> {
          OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
          return value == null ? null : value.toInstant();
        });
    for (Class<?> row : ROWS) {
      jdbi.registerRowMapper(ConstructorMapper.factory(row));
    }
  }

  /** Work that runs statements through one handle. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Handle handle) throws SQLException;
  }

  /**
   * Runs read-only {@code work}, joining the current unit of work if there is one. Outside one it
   * runs on a connection in auto-commit mode: every read is a single statement, which read
   * committed gives no more consistency inside a transaction than outside, and auto-commit saves
   * the round trips of BEGIN and COMMIT (on PostgreSQL, half of a token lookup's).
   */
  <T> T read(String action, Work<T> work) {
    if (inTransaction()) {
      return transactions.executeRead(status -> run(action, work, status.getConnection()));
    }
    return connections.execute(
        ConnectionDefinition.READ_ONLY, status -> run(action, work, status.getConnection()));
  }

  /** Runs {@code work} atomically, joining the current unit of work if there is one. */
  <T> T write(String action, Work<T> work) {
    return transactions.executeWrite(status -> run(action, work, status.getConnection()));
  }

  /** Whether the calling thread is inside a transaction (a unit of work). */
  boolean inTransaction() {
    return transactions.findTransactionStatus().isPresent();
  }

  TransactionOperations<Connection> transactions() {
    return transactions;
  }

  private <T> T run(String action, Work<T> work, Connection connection) {
    Connection outer = current.get();
    current.set(connection);
    try (Handle handle = jdbi.open()) {
      return work.apply(handle);
    } catch (SQLException e) {
      throw translate(action, e);
    } catch (JdbiException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw translate(action, cause);
      }
      throw new DataAccessException(action + " failed: " + e.getMessage(), e);
    } finally {
      if (outer == null) {
        current.remove();
      } else {
        current.set(outer);
      }
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

  /** Hands Jdbi the connection of the running {@link #run}; Micronaut closes it, not Jdbi. */
  private final class BorrowedConnections implements ConnectionFactory {
    @Override
    public Connection openConnection() {
      Connection connection = current.get();
      if (connection == null) {
        throw new IllegalStateException("SQL outside Database.read/write");
      }
      return connection;
    }

    @Override
    public void closeConnection(Connection connection) {
      // Borrowed: the transaction or connection scope that opened it closes it.
    }
  }

  /**
   * Binds an {@link Instant} as a UTC {@link OffsetDateTime}, which both drivers store exactly in a
   * {@code TIMESTAMP WITH TIME ZONE}, whatever the JVM's time zone.
   */
  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      OffsetDateTime utc = OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
      return (position, statement, context) -> statement.setObject(position, utc);
    }
  }
}
