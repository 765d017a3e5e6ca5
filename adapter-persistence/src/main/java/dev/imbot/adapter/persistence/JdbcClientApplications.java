package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.SecretHash;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: the operator's client applications, the {@code application} rows that have
 * an access token. Registering one makes its row local and gives it the token; deleting one deletes
 * its row (its bots and bindings are gone by then).
 */
@Singleton
public final class JdbcClientApplications implements ClientApplications {
  private static final String SELECT =
      "SELECT " + ApplicationRow.COLUMNS + " FROM application WHERE access_token_hash IS NOT NULL";
  private static final String BY_KEY = SELECT + " AND application_key = :key";
  private static final String BY_TOKEN =
      "SELECT "
          + ApplicationRow.COLUMNS
          + " FROM application WHERE access_token_hash = :hash ORDER BY application_key";
  private static final String ALL = SELECT + " ORDER BY application_key";
  private static final String UPDATE =
      "UPDATE application SET kind = :kind, client_id = :clientId,"
          + " application_token = :applicationToken, access_token_hash = :accessTokenHash,"
          + " access_token_expires_at = :accessTokenExpiresAt WHERE application_key = :applicationKey";
  private static final String INSERT =
      "INSERT INTO application ("
          + ApplicationRow.COLUMNS
          + ") VALUES (:applicationKey, :kind, :clientId, :applicationToken, :accessTokenHash,"
          + " :accessTokenExpiresAt)";
  private static final String DELETE = "DELETE FROM application WHERE application_key = :key";

  private final Database database;

  JdbcClientApplications(Database database) {
    this.database = database;
  }

  /** Updates the application's row or, when there is none, inserts it. */
  @Override
  public void save(ClientApplication application) {
    ApplicationRow row = ApplicationRow.from(application);
    database.write(
        "save application " + application.key(),
        handle -> {
          if (handle.createUpdate(UPDATE).bindMethods(row).execute() == 0) {
            handle.createUpdate(INSERT).bindMethods(row).execute();
          }
          return null;
        });
  }

  @Override
  public Optional<ClientApplication> find(ApplicationKey key) {
    return database.read(
        "find application " + key,
        handle ->
            handle
                .createQuery(BY_KEY)
                .bind("key", key.value())
                .mapTo(ApplicationRow.class)
                .findOne()
                .map(ApplicationRow::toClientApplication));
  }

  @Override
  public Optional<ClientApplication> findByAccessToken(SecretHash accessToken) {
    return database.read(
        "find application by access token",
        handle ->
            handle
                .createQuery(BY_TOKEN)
                .bind("hash", accessToken.hex())
                .mapTo(ApplicationRow.class)
                .findFirst()
                .map(ApplicationRow::toClientApplication));
  }

  @Override
  public List<ClientApplication> listAll() {
    return database.read(
        "list applications",
        handle ->
            handle.createQuery(ALL).mapTo(ApplicationRow.class).list().stream()
                .map(ApplicationRow::toClientApplication)
                .toList());
  }

  @Override
  public void delete(ApplicationKey key) {
    database.write(
        "delete application " + key,
        handle -> handle.createUpdate(DELETE).bind("key", key.value()).execute());
  }
}
