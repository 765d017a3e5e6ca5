package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.SecretHash;
import java.time.Instant;

/** An {@code inbound_webhook} row. */
public record WebhookRow(long id, long userId, String secretHash, Instant createdAt) {

  InboundWebhook toWebhook() {
    return new InboundWebhook(id, userId, new SecretHash(secretHash), createdAt);
  }
}
