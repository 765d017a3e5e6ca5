package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.SecretHash;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: the operator's inbound webhooks in {@code inbound_webhook}; only the hash of
 * a secret is stored, and a webhook goes with the user it acts as.
 */
@Singleton
public final class JdbcInboundWebhooks implements InboundWebhooks {
  private static final String INSERT =
      "INSERT INTO inbound_webhook (user_id, secret_hash, created_at)"
          + " VALUES (:userId, :secretHash, :createdAt)";
  private static final String SELECT =
      "SELECT id, user_id, secret_hash, created_at FROM inbound_webhook";
  private static final NamedStatement OF_USER =
      NamedStatement.of(SELECT + " WHERE user_id = :userId ORDER BY id");
  private static final String BY_ID = SELECT + " WHERE id = :id";
  private static final String ALL = SELECT + " ORDER BY id";
  private static final String DELETE = "DELETE FROM inbound_webhook WHERE id = :id";

  private final Database database;

  JdbcInboundWebhooks(Database database) {
    this.database = database;
  }

  @Override
  public InboundWebhook add(long userId, SecretHash secret, Instant createdAt) {
    return database.write(
        "add a webhook",
        handle -> {
          long id =
              handle
                  .createUpdate(INSERT)
                  .bind("userId", userId)
                  .bind("secretHash", secret.hex())
                  .bind("createdAt", createdAt)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          return new InboundWebhook(id, userId, secret, createdAt);
        });
  }

  @Override
  public List<InboundWebhook> ofUser(long userId) {
    return database.readSql(
        "list webhooks of " + userId,
        connection -> {
          try (NamedStatement.Bound ofUser = OF_USER.on(connection)) {
            return webhooks(ofUser.number("userId", userId).list(WebhookRow.MAPPER));
          }
        });
  }

  @Override
  public Optional<InboundWebhook> find(long id) {
    return database.read(
        "find webhook " + id,
        handle ->
            handle
                .createQuery(BY_ID)
                .bind("id", id)
                .mapTo(WebhookRow.class)
                .findOne()
                .map(WebhookRow::toWebhook));
  }

  @Override
  public List<InboundWebhook> listAll() {
    return database.read(
        "list webhooks",
        handle -> webhooks(handle.createQuery(ALL).mapTo(WebhookRow.class).list()));
  }

  @Override
  public void delete(long id) {
    database.write(
        "delete webhook " + id, handle -> handle.createUpdate(DELETE).bind("id", id).execute());
  }

  private static List<InboundWebhook> webhooks(List<WebhookRow> rows) {
    return rows.stream().map(WebhookRow::toWebhook).toList();
  }
}
