package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.SecretHash;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: the operator's inbound webhooks in {@code inbound_webhook}; only the hash of
 * a secret is stored, and a webhook goes with the user it acts as.
 */
@Singleton
public final class JdbcInboundWebhooks implements InboundWebhooks {
  private static final String INSERT =
      "INSERT INTO inbound_webhook (user_id, secret_hash, created_at) VALUES (?, ?, ?)";
  private static final String SELECT =
      "SELECT id, user_id, secret_hash, created_at FROM inbound_webhook";
  private static final String OF_USER = SELECT + " WHERE user_id = ? ORDER BY id";
  private static final String BY_ID = SELECT + " WHERE id = ?";
  private static final String ALL = SELECT + " ORDER BY id";
  private static final String DELETE = "DELETE FROM inbound_webhook WHERE id = ?";

  private final Database database;

  JdbcInboundWebhooks(Database database) {
    this.database = database;
  }

  @Override
  public InboundWebhook add(long userId, SecretHash secret, Instant createdAt) {
    return database.write(
        "add a webhook",
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(INSERT, new String[] {"id"})) {
            insert.setLong(1, userId);
            insert.setString(2, secret.hex());
            insert.setObject(3, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              return new InboundWebhook(keys.getLong(1), userId, secret, createdAt);
            }
          }
        });
  }

  @Override
  public List<InboundWebhook> ofUser(long userId) {
    return database.read("list webhooks of " + userId, c -> select(c, OF_USER, userId));
  }

  @Override
  public Optional<InboundWebhook> find(long id) {
    return database.read("find webhook " + id, c -> select(c, BY_ID, id).stream().findFirst());
  }

  @Override
  public List<InboundWebhook> listAll() {
    return database.read("list webhooks", c -> select(c, ALL));
  }

  @Override
  public void delete(long id) {
    database.write(
        "delete webhook " + id,
        connection -> {
          return Database.update(connection, DELETE, id);
        });
  }

  private static List<InboundWebhook> select(Connection connection, String sql, Long... parameters)
      throws SQLException {
    return Database.query(
        connection,
        sql,
        row ->
            new InboundWebhook(
                row.getLong(1),
                row.getLong(2),
                new SecretHash(row.getString(3)),
                row.getObject(4, OffsetDateTime.class).toInstant()),
        (Object[]) parameters);
  }
}
