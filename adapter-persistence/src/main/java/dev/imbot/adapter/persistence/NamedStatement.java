package dev.imbot.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A statement written with {@code :named} parameters, turned once into JDBC's {@code ?} form and
 * bound by name on a plain {@link PreparedStatement}, for the few statements every call of the
 * busiest methods runs: Jdbi sets each statement up afresh (a copy of its configuration, an
 * argument lookup per parameter), which on H2 cost as much as the statement itself (decision 142).
 * Rows are mapped by the same hand-written mappers. A name the statement does not have binds
 * nothing (a row binds all its components, each statement takes the ones it names); every parameter
 * the statement has must be bound before it runs, so a misspelt name fails there.
 */
final class NamedStatement {
  private final String sql;
  private final String[] names;
  // Where each statement of a sequence starts in names (one part, at 0, for a single statement).
  private final int[] partStarts;

  private NamedStatement(String sql, String[] names) {
    this(sql, names, new int[] {0});
  }

  private NamedStatement(String sql, String[] names, int[] partStarts) {
    this.sql = sql;
    this.names = names;
    this.partStarts = partStarts;
  }

  /**
   * The statements as one, run in order in one exchange (both drivers run a prepared statement of
   * several and fail the whole on any one's error). Each part keeps its own parameters: bind them
   * through {@link Bound#part}, so that two parts may use the same name.
   */
  static NamedStatement sequence(List<NamedStatement> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    StringBuilder sql = new StringBuilder();
    List<String> names = new ArrayList<>();
    int[] starts = new int[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      NamedStatement part = parts.get(i);
      if (part.partStarts.length != 1) {
        throw new IllegalArgumentException("a sequence within a sequence");
      }
      sql.append(i == 0 ? "" : "; ").append(part.sql);
      starts[i] = names.size();
      names.addAll(List.of(part.names));
    }
    return new NamedStatement(sql.toString(), names.toArray(String[]::new), starts);
  }

  /** Parses {@code named}: {@code :name} outside quotes is a parameter; {@code ::} is a cast. */
  static NamedStatement of(String named) {
    StringBuilder jdbc = new StringBuilder(named.length());
    List<String> names = new ArrayList<>();
    boolean quoted = false;
    for (int i = 0; i < named.length(); i++) {
      char c = named.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == ':' && i + 1 < named.length() && named.charAt(i + 1) == ':') {
        jdbc.append("::");
        i++;
        continue;
      } else if (!quoted
          && c == ':'
          && i + 1 < named.length()
          && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
        int end = i + 1;
        while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
          end++;
        }
        names.add(named.substring(i + 1, end));
        jdbc.append('?');
        i = end - 1;
        continue;
      }
      jdbc.append(c);
    }
    return new NamedStatement(jdbc.toString(), names.toArray(String[]::new));
  }

  /** The statement in JDBC's form. */
  String sql() {
    return sql;
  }

  /** Prepares the statement on the connection {@code handle} lends (the unit of work's). */
  Bound on(Handle handle) throws SQLException {
    return on(handle.getConnection());
  }

  /** Prepares the statement on {@code connection}. */
  Bound on(Connection connection) throws SQLException {
    return new Bound(connection.prepareStatement(sql));
  }

  /** Prepares an insert on {@code connection} that hands back the generated {@code column}. */
  Bound onReturningKey(Connection connection, String column) throws SQLException {
    return new Bound(connection.prepareStatement(sql, new String[] {column}));
  }

  /** One of {@link PreparedStatement}'s typed setters. */
  @FunctionalInterface
  private interface Setter<V> {
    void set(PreparedStatement statement, int position, V value) throws SQLException;
  }

  /** The prepared statement being bound; closed once it has run. */
  final class Bound implements AutoCloseable {
    private final PreparedStatement statement;
    private final boolean[] bound = new boolean[names.length];
    // The parameters a name binds: those of the part being bound, all of them by default.
    private int from = 0;
    private int to = names.length;

    private Bound(PreparedStatement statement) {
      this.statement = statement;
    }

    /** From here on, names bind in the {@code index}th statement of a {@link #sequence} only. */
    Bound part(int index) {
      from = partStarts[index];
      to = index + 1 < partStarts.length ? partStarts[index + 1] : names.length;
      return this;
    }

    Bound string(String name, String value) throws SQLException {
      return set(name, value, Types.VARCHAR, PreparedStatement::setString);
    }

    Bound number(String name, Long value) throws SQLException {
      return set(name, value, Types.BIGINT, PreparedStatement::setLong);
    }

    Bound integer(String name, Integer value) throws SQLException {
      return set(name, value, Types.INTEGER, PreparedStatement::setInt);
    }

    Bound bool(String name, boolean value) throws SQLException {
      return set(name, value, Types.BOOLEAN, PreparedStatement::setBoolean);
    }

    /** As a UTC offset date-time, which both drivers store exactly (as Jdbi's binding does). */
    Bound instant(String name, Instant value) throws SQLException {
      return set(
          name,
          value == null ? null : Database.utc(value),
          Types.TIMESTAMP_WITH_TIMEZONE,
          PreparedStatement::setObject);
    }

    Bound date(String name, LocalDate value) throws SQLException {
      return set(name, value, Types.DATE, PreparedStatement::setObject);
    }

    Bound bytes(String name, byte[] value) throws SQLException {
      return set(name, value, Types.VARBINARY, PreparedStatement::setBytes);
    }

    /** Runs an insert, update or delete; how many rows it changed. */
    int update() throws SQLException {
      requireAllBound();
      return statement.executeUpdate();
    }

    /** Runs an insert prepared by {@link #onReturningKey}; the key it generated. */
    long insertReturningKey() throws SQLException {
      requireAllBound();
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no generated key for " + sql);
        }
        return keys.getLong(1);
      }
    }

    /** Adds the bound values as one row of a batch; the next row binds every parameter again. */
    void addBatch() throws SQLException {
      requireAllBound();
      statement.addBatch();
      java.util.Arrays.fill(bound, false);
    }

    /** Runs the rows added by {@link #addBatch} in one batch. */
    void executeBatch() throws SQLException {
      statement.executeBatch();
    }

    /** Runs a query; every row, mapped. */
    <T> List<T> list(RowMapper<T> mapper) throws SQLException {
      requireAllBound();
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs, null));
        }
      }
      return rows;
    }

    /** Runs a query; its first row, mapped. */
    <T> Optional<T> first(RowMapper<T> mapper) throws SQLException {
      requireAllBound();
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(mapper.map(rs, null)) : Optional.empty();
      }
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }

    /** Binds {@code value} (null as {@code nullType}) wherever the statement names {@code name}. */
    private <V> Bound set(String name, V value, int nullType, Setter<V> setter)
        throws SQLException {
      for (int i = from; i < to; i++) {
        if (names[i].equals(name)) {
          if (value == null) {
            statement.setNull(i + 1, nullType);
          } else {
            setter.set(statement, i + 1, value);
          }
          bound[i] = true;
        }
      }
      return this;
    }

    private void requireAllBound() {
      for (int i = 0; i < names.length; i++) {
        if (!bound[i]) {
          throw new IllegalStateException("parameter :" + names[i] + " not bound in " + sql);
        }
      }
    }
  }
}
