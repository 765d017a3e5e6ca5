package dev.imbot.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.imbot.application.port.out.WriteConflictException;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

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

  private final TransactionOperations<Connection> transactions;
  private final ConnectionOperations<Connection> connections;
  private final DataSource dataSource;
  private final LazyJdbi jdbi;

  /** The connection the current {@link #run} works on; Jdbi's handles borrow it, never close it. */
  private final ThreadLocal<Connection> current;

  /** Whether every statement first sends what the unit of work holds back ({@link #seeingHeld}). */
  private final boolean sendsHeldFirst;

  Database(
      TransactionOperations<Connection> transactions,
      ConnectionOperations<Connection> connections,
      DataSource dataSource) {
    this.transactions = transactions;
    this.connections = connections;
    this.dataSource = dataSource;
    this.current = new ThreadLocal<>();
    this.held = new ThreadLocal<>();
    this.sendsHeldFirst = false;
    this.jdbi = new LazyJdbi(current);
  }

  private Database(Database base) {
    this.transactions = base.transactions;
    this.connections = base.connections;
    this.dataSource = base.dataSource;
    this.jdbi = base.jdbi;
    this.current = base.current;
    this.held = base.held;
    this.sendsHeldFirst = true;
  }

  /**
   * This database for an adapter of the tables that held-back rows go into (messages, the outbox,
   * their link rows): each of its statements first sends what the current unit of work holds back,
   * in one exchange, so that the unit of work sees its own rows. Other adapters' statements leave
   * held rows held, to go with the commit.
   */
  Database seeingHeld() {
    return sendsHeldFirst ? this : new Database(this);
  }

  /** Work that runs statements through one handle. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Handle handle) throws SQLException;
  }

  /**
   * Work on the connection itself, without a Jdbi handle (statements of {@link NamedStatement}).
   */
  @FunctionalInterface
  interface Sql<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs read-only {@code work}, joining the current unit of work if there is one. Outside one it
   * runs on a connection in auto-commit mode: every read is a single statement, which read
   * committed gives no more consistency inside a transaction than outside, and auto-commit saves
   * the round trips of BEGIN and COMMIT (on PostgreSQL, half of a token lookup's).
   */
  <T> T read(String action, Work<T> work) {
    return readSql(action, connection -> onHandle(connection, work));
  }

  /**
   * {@link #read} for statements bound without Jdbi: no handle is set up (a copy of Jdbi's
   * configuration per call, decision 142), the connection is used as it is. Inside a unit of work
   * it takes that unit's connection directly: joining it through the transaction manager
   * (propagation "required") would only look the same transaction up again, several times per
   * statement; any failure still ends the whole unit of work, which rolls back.
   */
  <T> T readSql(String action, Sql<T> work) {
    if (sendsHeldFirst) {
      sendHeld();
    }
    Optional<? extends TransactionStatus<?>> unitOfWork = transactions.findTransactionStatus();
    if (unitOfWork.isPresent()) {
      return connected(() -> runSql(action, work, (Connection) unitOfWork.get().getConnection()));
    }
    return connected(
        () ->
            connections.execute(
                ConnectionDefinition.READ_ONLY,
                status -> runSql(action, work, status.getConnection())));
  }

  /** {@link #write} for statements bound without Jdbi, as {@link #readSql}. */
  <T> T writeSql(String action, Sql<T> work) {
    if (sendsHeldFirst) {
      sendHeld();
    }
    Optional<? extends TransactionStatus<?>> unitOfWork = transactions.findTransactionStatus();
    if (unitOfWork.isPresent()) {
      return connected(() -> runSql(action, work, (Connection) unitOfWork.get().getConnection()));
    }
    return connected(
        () -> transactions.executeWrite(status -> runSql(action, work, status.getConnection())));
  }

  /** Runs {@code work} atomically, joining the current unit of work if there is one. */
  <T> T write(String action, Work<T> work) {
    return writeSql(action, connection -> onHandle(connection, work));
  }

  /**
   * {@link #write}, but run on its own its commit does not wait for the log to reach the disk on
   * PostgreSQL ({@code SET LOCAL synchronous_commit = off}); joined to a unit of work it leaves
   * that unit's commit as it is. For the delivery worker's bookkeeping (claims, leases, outcomes),
   * which a commit lost in a database crash only makes happen again, as the lease already does for
   * a killed worker (decision 166): one such commit at a time bounded deliveries by the disk. Its
   * statements are also planned for the table as it is at each run ({@code plan_cache_mode =
   * force_custom_plan}), not by the generic plan a pooled connection cached while the table of
   * deliveries was small, which can read the whole table where its keys find one row (decision
   * 169); each runs once per batch or claim, so the planning costs little.
   */
  <T> T writeUnflushed(String action, Work<T> work) {
    boolean own = transactions.findTransactionStatus().isEmpty();
    return writeSql(
        action,
        connection -> {
          if (own && postgres(connection)) {
            try (Statement relax = connection.createStatement()) {
              relax.execute(
                  "SET LOCAL synchronous_commit = off; SET LOCAL plan_cache_mode = force_custom_plan");
            }
          }
          return onHandle(connection, work);
        });
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

  /**
   * Runs {@code action} once the current unit of work commits (at once without one); a rolled-back
   * unit of work never runs it.
   */
  void afterCommit(Runnable action) {
    var status = transactions.findTransactionStatus();
    if (status.isEmpty()) {
      action.run();
      return;
    }
    status
        .get()
        .registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCommit() {
                action.run();
              }
            });
  }

  /** Binds a statement's parameters, on its own part when it runs in a sequence. */
  @FunctionalInterface
  interface Binder {
    void bind(NamedStatement.Bound statement) throws SQLException;
  }

  /** A statement held back, with what binds it. */
  private record Deferred(NamedStatement statement, Binder binder) {}

  /** The statements held back in the unit of work that runs on {@code connection}. */
  private static final class Held {
    final Connection connection;
    final List<Deferred> statements = new ArrayList<>();

    Held(Connection connection) {
      this.connection = connection;
    }
  }

  private static final String SEND_HELD = "write what the unit of work held back";

  /** Per thread: the held-back statements of its current unit of work, if any. */
  private final ThreadLocal<Held> held;

  /**
   * Writes through {@code statement} as part of the current unit of work, but holds it back to go
   * in the same exchange as the unit of work's next {@link #writeWithDeferred} (or, failing that,
   * in one exchange just before it commits); a rolled-back unit of work never sends it. For an
   * insert nothing in the unit of work reads back (an audit row): a round trip saved where it rides
   * along. Outside a unit of work it is written at once.
   */
  void defer(String action, NamedStatement statement, Binder binder) {
    Optional<? extends TransactionStatus<?>> unitOfWork = transactions.findTransactionStatus();
    if (unitOfWork.isEmpty()) {
      writeSql(action, connection -> run(connection, List.of(new Deferred(statement, binder))));
      return;
    }
    Connection connection = (Connection) unitOfWork.get().getConnection();
    Held current = held.get();
    if (current == null || current.connection != connection) {
      Held fresh = new Held(connection);
      held.set(fresh);
      unitOfWork
          .get()
          .registerSynchronization(
              new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                  if (!fresh.statements.isEmpty()) {
                    runSql(SEND_HELD, c -> run(c, take(fresh)), fresh.connection);
                  }
                }

                @Override
                public void afterCompletion(Status status) {
                  if (held.get() == fresh) {
                    held.remove();
                  }
                }
              });
      current = fresh;
    }
    current.statements.add(new Deferred(statement, binder));
  }

  /**
   * Runs the write {@code statements} in order, each bound by {@code binder}, as {@link #writeSql}
   * does, with the unit of work's {@link #defer deferred} statements ahead of them: in one exchange
   * where that saves round trips (see {@link #run}). The first statement's count.
   */
  int writeWithDeferred(String action, List<NamedStatement> statements, Binder binder) {
    return writeSql(
        action,
        connection -> {
          Held current = held.get();
          List<Deferred> parts =
              current != null && current.connection == connection
                  ? take(current)
                  : new ArrayList<>(statements.size());
          for (NamedStatement statement : statements) {
            parts.add(new Deferred(statement, binder));
          }
          return run(connection, parts);
        });
  }

  /** Sends what the current unit of work holds back, if anything, in one exchange. */
  private void sendHeld() {
    Held current = held.get();
    if (current == null || current.statements.isEmpty()) {
      return;
    }
    Optional<? extends TransactionStatus<?>> unitOfWork = transactions.findTransactionStatus();
    if (unitOfWork.isEmpty() || unitOfWork.get().getConnection() != current.connection) {
      return;
    }
    connected(() -> runSql(SEND_HELD, c -> run(c, take(current)), current.connection));
  }

  private static List<Deferred> take(Held held) {
    List<Deferred> taken = new ArrayList<>(held.statements);
    held.statements.clear();
    return taken;
  }

  /** Whether the database is PostgreSQL (else H2), read from the first connection that asks. */
  private volatile Boolean postgres;

  /** Whether {@code connection} is PostgreSQL's (asked once). */
  boolean postgres(Connection connection) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      postgres = known;
    }
    return known;
  }

  /** The statements in order, each bound on its own part; the first one's count. */
  private int run(Connection connection, List<Deferred> parts) throws SQLException {
    // Several statements go as one prepared statement on PostgreSQL, where each costs a round
    // trip. H2 runs in the process, and parses every statement after the first of such a prepared
    // statement again at each execution, so there each runs on its own.
    if (parts.size() > 1 && !postgres(connection)) {
      int first = -1;
      for (Deferred part : parts) {
        try (NamedStatement.Bound bound = part.statement().on(connection)) {
          part.binder().bind(bound);
          int count = bound.update();
          first = first < 0 ? count : first;
        }
      }
      return first;
    }
    List<NamedStatement> statements = new ArrayList<>(parts.size());
    for (Deferred part : parts) {
      statements.add(part.statement());
    }
    try (NamedStatement.Bound bound = NamedStatement.sequence(statements).on(connection)) {
      for (int i = 0; i < parts.size(); i++) {
        parts.get(i).binder().bind(bound.part(i));
      }
      return bound.update();
    }
  }

  /** Whether the calling thread is inside a transaction (a unit of work). */
  boolean inTransaction() {
    return transactions.findTransactionStatus().isPresent();
  }

  TransactionOperations<Connection> transactions() {
    return transactions;
  }

  private static <T> T runSql(String action, Sql<T> work, Connection connection) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw translate(action, e);
    } catch (JdbiException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw translate(action, cause);
      }
      throw new DataAccessException(action + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a Jdbi handle that borrows {@code connection}. */
  private <T> T onHandle(Connection connection, Work<T> work) throws SQLException {
    Connection outer = current.get();
    current.set(connection);
    try (Handle handle = jdbi.get().open()) {
      return work.apply(handle);
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

  /**
   * Jdbi, set up by the first statement that needs a handle. The statements that run before the
   * first answer bind without it (decision 168): setting Jdbi up copies its configuration, and its
   * first statement registers its event with the JVM's flight recorder, which builds the recorder's
   * metadata; together some 0.1 s of a start.
   */
  private static final class LazyJdbi {
    private final ThreadLocal<Connection> current;
    private volatile Jdbi jdbi;

    LazyJdbi(ThreadLocal<Connection> current) {
      this.current = current;
    }

    Jdbi get() {
      Jdbi made = jdbi;
      if (made == null) {
        synchronized (this) {
          made = jdbi;
          if (made == null) {
            made = create();
            jdbi = made;
          }
        }
      }
      return made;
    }

    private Jdbi create() {
      Jdbi jdbi = Jdbi.create(new BorrowedConnections(current));
      // Micronaut begins and ends transactions; a handle closing inside one must leave it alone.
      jdbi.getConfig(Handles.class).setForceEndTransactions(false);
      jdbi.registerArgument(new InstantArgumentFactory());
      jdbi.registerColumnMapper(
          Instant.class, (rows, column, context) -> Columns.instant(rows, column));
      // Hand-written row mappers: Jdbi's ConstructorMapper reflected on every statement and boxed
      // every row, which made reads of many rows (imbot.bot.list) several times slower. Rows read
      // through NamedStatement (bots, bot summaries, handler bindings) take their MAPPER directly.
      jdbi.registerRowMapper(ApplicationRow.class, ApplicationRow.MAPPER);
      jdbi.registerRowMapper(PersonRow.class, PersonRow.MAPPER);
      jdbi.registerRowMapper(WebhookRow.class, WebhookRow.MAPPER);
      jdbi.registerRowMapper(EventDeliveryRow.class, EventDeliveryRow.MAPPER);
      jdbi.registerRowMapper(OAuthTokenRow.class, OAuthTokenRow.MAPPER);
      jdbi.registerRowMapper(ApplicationEventBindingRow.class, ApplicationEventBindingRow.MAPPER);
      jdbi.registerRowMapper(SlashCommandRow.class, SlashCommandRow.MAPPER);
      jdbi.registerRowMapper(CommandTranslationRow.class, CommandTranslationRow.MAPPER);
      return jdbi;
    }
  }

  /** Hands Jdbi the connection of the running {@link #run}; Micronaut closes it, not Jdbi. */
  private static final class BorrowedConnections implements ConnectionFactory {
    private final ThreadLocal<Connection> current;

    BorrowedConnections(ThreadLocal<Connection> current) {
      this.current = current;
    }

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

  /** An instant as both drivers store it exactly in a {@code TIMESTAMP WITH TIME ZONE}. */
  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
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
      OffsetDateTime utc = utc(value);
      return (position, statement, context) -> statement.setObject(position, utc);
    }
  }
}
