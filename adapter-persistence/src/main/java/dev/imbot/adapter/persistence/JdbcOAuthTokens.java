package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** Persistence adapter: OAuth tokens in {@code oauth_token}, by hash. */
@Singleton
public final class JdbcOAuthTokens implements OAuthTokens {
  private static final String INSERT =
      "INSERT INTO oauth_token ("
          + OAuthTokenRow.COLUMNS
          + ") VALUES (:tokenHash, :kind, :applicationKey, :userId, :expiresAt)";
  private static final String FIND =
      "SELECT " + OAuthTokenRow.COLUMNS + " FROM oauth_token WHERE token_hash = :hash";

  private final Database database;

  JdbcOAuthTokens(Database database) {
    this.database = database;
  }

  @Override
  public void save(OAuthToken token) {
    database.write(
        "save token",
        handle -> handle.createUpdate(INSERT).bindMethods(OAuthTokenRow.from(token)).execute());
  }

  @Override
  public Optional<OAuthToken> find(SecretHash hash) {
    return database.read(
        "find token",
        handle ->
            handle
                .createQuery(FIND)
                .bind("hash", hash.hex())
                .mapTo(OAuthTokenRow.class)
                .findOne()
                .map(OAuthTokenRow::toToken));
  }

  @Override
  public boolean delete(SecretHash hash) {
    return database.write(
            "delete token",
            handle ->
                handle
                    .createUpdate("DELETE FROM oauth_token WHERE token_hash = :hash")
                    .bind("hash", hash.hex())
                    .execute())
        == 1;
  }

  @Override
  public void deleteAll(ApplicationKey application) {
    database.write(
        "delete tokens of " + application,
        handle ->
            handle
                .createUpdate("DELETE FROM oauth_token WHERE application_key = :key")
                .bind("key", application.value())
                .execute());
  }

  @Override
  public void deleteAll(ApplicationKey application, UserId user) {
    database.write(
        "delete tokens of " + application + " user " + user,
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM oauth_token WHERE application_key = :key AND user_id = :user")
                .bind("key", application.value())
                .bind("user", user.value())
                .execute());
  }

  @Override
  public int deleteExpired(Instant now) {
    return database.write(
        "delete expired tokens",
        handle ->
            handle
                .createUpdate("DELETE FROM oauth_token WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }
}
