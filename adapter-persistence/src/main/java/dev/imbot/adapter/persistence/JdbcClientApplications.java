package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.SecretHash;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: the operator's client applications in {@code client_application}. */
@Singleton
public final class JdbcClientApplications implements ClientApplications {
  private static final String SELECT =
      "SELECT " + ClientApplicationRow.COLUMNS + " FROM client_application";
  private static final String BY_KEY = SELECT + " WHERE application_key = ?";
  private static final String BY_TOKEN =
      SELECT + " WHERE access_token_hash = ? ORDER BY application_key";
  private static final String ALL = SELECT + " ORDER BY application_key";
  private static final String UPDATE =
      "UPDATE client_application SET access_token_hash = ?, access_token_expires_at = ?,"
          + " application_token = ? WHERE application_key = ?";
  private static final String INSERT =
      "INSERT INTO client_application (" + ClientApplicationRow.COLUMNS + ") VALUES (?, ?, ?, ?)";
  private static final String DELETE = "DELETE FROM client_application WHERE application_key = ?";

  private final Database database;

  JdbcClientApplications(Database database) {
    this.database = database;
  }

  /** Updates the stored application or, when there is none, inserts it. */
  @Override
  public void save(ClientApplication application) {
    ClientApplicationRow row = ClientApplicationRow.from(application);
    database.write(
        "save application " + application.key(),
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            row.bindValues(update, 1);
            update.setString(4, row.applicationKey());
            if (update.executeUpdate() == 1) {
              return null;
            }
          }
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, row.applicationKey());
            row.bindValues(insert, 2);
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<ClientApplication> find(ApplicationKey key) {
    return database.read(
        "find application " + key,
        connection -> select(connection, BY_KEY, key.value()).stream().findFirst());
  }

  @Override
  public Optional<ClientApplication> findByAccessToken(SecretHash accessToken) {
    return database.read(
        "find application by access token",
        connection -> select(connection, BY_TOKEN, accessToken.hex()).stream().findFirst());
  }

  @Override
  public List<ClientApplication> listAll() {
    return database.read("list applications", connection -> select(connection, ALL));
  }

  @Override
  public void delete(ApplicationKey key) {
    database.write(
        "delete application " + key,
        connection -> {
          return Database.update(connection, DELETE, key.value());
        });
  }

  private static List<ClientApplication> select(Connection connection, String sql, String... values)
      throws SQLException {
    return Database.query(
        connection, sql, row -> ClientApplicationRow.read(row).toApplication(), (Object[]) values);
  }
}
