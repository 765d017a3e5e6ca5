package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NamedStatement}: parameters become JDBC's placeholders once, outside quotes and casts; a
 * name binds every place it appears; values of each type and null go in and come out unchanged; an
 * unbound parameter fails before the statement runs.
 */
class NamedStatementTest {
  private Connection connection;
  private Handle handle;

  @BeforeEach
  void openDatabase() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:named;MODE=PostgreSQL;DB_CLOSE_DELAY=0");
    handle = Jdbi.open(connection);
    handle.execute(
        "CREATE TABLE t (id BIGINT, name VARCHAR(20), flag BOOLEAN, n INTEGER, at TIMESTAMP WITH"
            + " TIME ZONE, birthday DATE, data BYTEA)");
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    handle.close();
    connection.close();
  }

  @Test
  void givenNamedParameters_of_replacesThemOutsideQuotesAndCasts() {
    NamedStatement statement =
        NamedStatement.of(
            "SELECT ':not' AS q, CAST(:a AS BIGINT), x::text FROM t WHERE id = :a AND n = :b_2");

    assertThat(statement.sql())
        .isEqualTo("SELECT ':not' AS q, CAST(? AS BIGINT), x::text FROM t WHERE id = ? AND n = ?");
  }

  @Test
  void givenASequence_eachPartBindsItsOwnNames_andAllRunInOneStatement() throws SQLException {
    NamedStatement first = NamedStatement.of("INSERT INTO t (id, name) VALUES (:id, :name)");
    NamedStatement second = NamedStatement.of("INSERT INTO t (id, name) VALUES (:id, 'two')");
    NamedStatement both = NamedStatement.sequence(List.of(first, second));

    assertThat(both.sql())
        .isEqualTo(
            "INSERT INTO t (id, name) VALUES (?, ?); INSERT INTO t (id, name) VALUES (?, 'two')");
    try (NamedStatement.Bound bound = both.on(connection)) {
      bound.part(0).number("id", 1L).string("name", "one");
      assertThatThrownBy(bound::update).hasMessageContaining(":id not bound");
      bound.part(1).number("id", 2L);
      bound.update();
    }
    assertThat(
            handle.createQuery("SELECT id || name FROM t ORDER BY id").mapTo(String.class).list())
        .containsExactly("1one", "2two");
    assertThat(NamedStatement.sequence(List.of(first))).isSameAs(first);
  }

  @Test
  void givenEveryType_boundByName_roundTripsValuesAndNulls() throws SQLException {
    NamedStatement insert =
        NamedStatement.of(
            "INSERT INTO t VALUES (:id, :name, :flag, :n, :at, :day, :data), (:id + 1, :none,"
                + " :flag, :noInt, :noAt, :noDay, :noData)");
    Instant at = Instant.parse("2026-03-11T10:15:30.123456Z");
    try (NamedStatement.Bound bound = insert.on(handle)) {
      int inserted =
          bound
              .number("id", 7L)
              .string("name", "seven")
              .bool("flag", true)
              .integer("n", 42)
              .instant("at", at)
              .date("day", LocalDate.of(2016, 2, 29))
              .bytes("data", new byte[] {1, 2})
              .string("none", null)
              .integer("noInt", null)
              .instant("noAt", null)
              .date("noDay", null)
              .bytes("noData", null)
              .string("notInTheStatement", "ignored")
              .update();
      assertThat(inserted).isEqualTo(2);
    }

    NamedStatement select = NamedStatement.of("SELECT * FROM t WHERE id >= :from ORDER BY id");
    try (NamedStatement.Bound bound = select.on(handle)) {
      List<List<Object>> rows =
          bound
              .number("from", 7L)
              .list(
                  (rs, context) ->
                      java.util.Arrays.asList(
                          rs.getLong("id"),
                          rs.getString("name"),
                          rs.getBoolean("flag"),
                          Columns.nullableInt(rs, "n"),
                          Columns.instant(rs, "at"),
                          rs.getObject("birthday", LocalDate.class),
                          rs.getBytes("data")));
      assertThat(rows.get(0))
          .containsExactly(7L, "seven", true, 42, at, LocalDate.of(2016, 2, 29), new byte[] {1, 2});
      assertThat(rows.get(1)).containsExactly(8L, null, true, null, null, null, null);
    }
  }

  @Test
  void givenAnUnboundParameter_update_failsBeforeRunning() throws SQLException {
    NamedStatement insert = NamedStatement.of("INSERT INTO t (id, name) VALUES (:id, :name)");
    try (NamedStatement.Bound bound = insert.on(handle)) {
      bound.number("id", 1L).string("nmae", "typo");

      assertThatThrownBy(bound::update)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(":name");
    }
    assertThat(handle.createQuery("SELECT COUNT(*) FROM t").mapTo(Long.class).one()).isZero();
  }

  @Test
  void givenNoRow_first_isEmpty() throws SQLException {
    try (NamedStatement.Bound bound = NamedStatement.of("SELECT id FROM t").on(handle)) {
      assertThat(bound.first((rs, context) -> rs.getLong(1))).isEmpty();
    }
  }
}
