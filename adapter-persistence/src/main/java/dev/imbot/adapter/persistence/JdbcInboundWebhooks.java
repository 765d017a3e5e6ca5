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
 * a secret is stored, and a webhook goes with the user it acts as. Plain JDBC: the first start's
 * webhook is read and made before the first answer, where a Jdbi handle costs (decision 168).
 */
@Singleton
public final class JdbcInboundWebhooks implements InboundWebhooks {
  private static final NamedStatement INSERT =
      NamedStatement.of(
          "INSERT INTO inbound_webhook (user_id, secret_hash, created_at)"
              + " VALUES (:userId, :secretHash, :createdAt)");
  private static final String SELECT =
      "SELECT id, user_id, secret_hash, created_at FROM inbound_webhook";
  private static final NamedStatement OF_USER =
      NamedStatement.of(SELECT + " WHERE user_id = :userId ORDER BY id");
  private static final NamedStatement BY_ID = NamedStatement.of(SELECT + " WHERE id = :id");
  private static final NamedStatement ALL = NamedStatement.of(SELECT + " ORDER BY id");
  private static final NamedStatement DELETE =
      NamedStatement.of("DELETE FROM inbound_webhook WHERE id = :id");

  private final Database database;

  JdbcInboundWebhooks(Database database) {
    this.database = database;
  }

  @Override
  public InboundWebhook add(long userId, SecretHash secret, Instant createdAt) {
    return database.writeSql(
        "add a webhook",
        connection -> {
          try (NamedStatement.Bound insert = INSERT.onReturningKey(connection, "id")) {
            long id =
                insert
                    .number("userId", userId)
                    .string("secretHash", secret.hex())
                    .instant("createdAt", createdAt)
                    .insertReturningKey();
            return new InboundWebhook(id, userId, secret, createdAt);
          }
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
    return database.readSql(
        "find webhook " + id,
        connection -> {
          try (NamedStatement.Bound byId = BY_ID.on(connection)) {
            return byId.number("id", id).first(WebhookRow.MAPPER).map(WebhookRow::toWebhook);
          }
        });
  }

  @Override
  public List<InboundWebhook> listAll() {
    return database.readSql(
        "list webhooks",
        connection -> {
          try (NamedStatement.Bound all = ALL.on(connection)) {
            return webhooks(all.list(WebhookRow.MAPPER));
          }
        });
  }

  @Override
  public void delete(long id) {
    database.writeSql(
        "delete webhook " + id,
        connection -> {
          try (NamedStatement.Bound delete = DELETE.on(connection)) {
            return delete.number("id", id).update();
          }
        });
  }

  private static List<InboundWebhook> webhooks(List<WebhookRow> rows) {
    return rows.stream().map(WebhookRow::toWebhook).toList();
  }
}
