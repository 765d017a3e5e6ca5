package dev.imbot.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Typed column reads the hand-written row mappers share (nullable numbers, timestamps). */
final class Columns {
  private Columns() {}

  /** A timestamp with time zone as an instant (both databases return an offset date-time). */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    return instant(rs.getObject(column, OffsetDateTime.class));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    return instant(rs.getObject(column, OffsetDateTime.class));
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
