package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.AccessTokenHolders;
import dev.imbot.domain.portal.SecretHash;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Persistence adapter: an access token's holders in one statement, the issued token ({@code
 * oauth_token}) and the application whose own token it is ({@code application}), both by their hash
 * index. Authentication asked the two tables one after the other, so an application's static token,
 * the kind local bots use, cost a missed lookup before every call.
 */
@Singleton
public final class JdbcAccessTokenHolders implements AccessTokenHolders {
  // One row from the one-row derived table, whatever matches: the token's columns are renamed so
  // that the application's keep the names its row mapper reads. Several applications with one
  // token (never made by the service) give several rows: the first by key, as findByAccessToken.
  private static final NamedStatement FIND =
      NamedStatement.of(
          "SELECT t.token_hash, t.kind AS token_kind, t.application_key AS token_application_key,"
              + " t.user_id AS token_user_id, t.expires_at AS token_expires_at, a."
              + ApplicationRow.COLUMNS.replace(", ", ", a.")
              + " FROM (SELECT CAST(:hash AS VARCHAR(64)) AS wanted) h"
              + " LEFT JOIN oauth_token t ON t.token_hash = h.wanted"
              + " LEFT JOIN application a ON a.access_token_hash = h.wanted AND a.registered"
              + " ORDER BY a.application_key");

  private final Database database;

  JdbcAccessTokenHolders(Database database) {
    this.database = database;
  }

  @Override
  public Holders find(SecretHash hash) {
    return database.readSql(
        "find the holders of an access token",
        connection -> {
          try (NamedStatement.Bound find = FIND.on(connection)) {
            return find.string("hash", hash.hex())
                .first(
                    (rs, context) ->
                        new Holders(
                            rs.getString("token_hash") == null
                                ? Optional.empty()
                                : Optional.of(
                                    new OAuthTokenRow(
                                            rs.getString("token_hash"),
                                            rs.getString("token_kind"),
                                            rs.getString("token_application_key"),
                                            rs.getLong("token_user_id"),
                                            Columns.instant(rs, "token_expires_at"))
                                        .toToken()),
                            rs.getString("application_key") == null
                                ? Optional.empty()
                                : Optional.of(
                                    ApplicationRow.MAPPER.map(rs, context).toClientApplication())))
                .orElseGet(() -> new Holders(Optional.empty(), Optional.empty()));
          }
        });
  }
}
