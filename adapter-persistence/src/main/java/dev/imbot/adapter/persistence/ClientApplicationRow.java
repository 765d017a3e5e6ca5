package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.SecretHash;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A {@code client_application} row: an application that calls with an access token. */
record ClientApplicationRow(
    String applicationKey,
    String accessTokenHash,
    Instant accessTokenExpiresAt,
    String applicationToken) {

  static final String COLUMNS =
      "application_key, access_token_hash, access_token_expires_at, application_token";

  static ClientApplicationRow from(ClientApplication application) {
    return new ClientApplicationRow(
        application.key().value(),
        application.accessToken().hex(),
        application.accessTokenExpiresAt(),
        application.applicationToken());
  }

  ClientApplication toApplication() {
    return new ClientApplication(
        ApplicationKey.of(applicationKey),
        new SecretHash(accessTokenHash),
        accessTokenExpiresAt,
        applicationToken);
  }

  /** Reads the current row, in {@link #COLUMNS} order. */
  static ClientApplicationRow read(ResultSet rs) throws SQLException {
    OffsetDateTime expires = rs.getObject(3, OffsetDateTime.class);
    return new ClientApplicationRow(
        rs.getString(1),
        rs.getString(2),
        expires == null ? null : expires.toInstant(),
        rs.getString(4));
  }

  /** Binds the columns after the key (hash, expiry, application token) from {@code first} on. */
  void bindValues(PreparedStatement statement, int first) throws SQLException {
    statement.setString(first, accessTokenHash);
    if (accessTokenExpiresAt == null) {
      statement.setNull(first + 1, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(
          first + 1, OffsetDateTime.ofInstant(accessTokenExpiresAt, ZoneOffset.UTC));
    }
    statement.setString(first + 2, applicationToken);
  }
}
