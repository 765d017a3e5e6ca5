package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.SecretHash;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;

/** An {@code inbound_webhook} row. */
public record WebhookRow(long id, long userId, String secretHash, Instant createdAt) {
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<WebhookRow> MAPPER =
      (rs, context) ->
          new WebhookRow(
              rs.getLong("id"),
              rs.getLong("user_id"),
              rs.getString("secret_hash"),
              Columns.instant(rs, "created_at"));

  InboundWebhook toWebhook() {
    return new InboundWebhook(id, userId, new SecretHash(secretHash), createdAt);
  }
}
