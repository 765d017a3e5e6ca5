package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;

/** An {@code oauth_token} row: a token's hash, kind, application, user and expiry. */
public record OAuthTokenRow(
    String tokenHash, String kind, String applicationKey, long userId, Instant expiresAt) {
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<OAuthTokenRow> MAPPER =
      (rs, context) ->
          new OAuthTokenRow(
              rs.getString("token_hash"),
              rs.getString("kind"),
              rs.getString("application_key"),
              rs.getLong("user_id"),
              Columns.instant(rs, "expires_at"));

  static final String COLUMNS = "token_hash, kind, application_key, user_id, expires_at";

  static OAuthTokenRow from(OAuthToken token) {
    return new OAuthTokenRow(
        token.hash().hex(),
        token.kind().name(),
        token.application().value(),
        token.user().value(),
        token.expiresAt());
  }

  OAuthToken toToken() {
    return new OAuthToken(
        new SecretHash(tokenHash),
        OAuthToken.Kind.valueOf(kind),
        ApplicationKey.of(applicationKey),
        UserId.of(userId),
        expiresAt);
  }
}
