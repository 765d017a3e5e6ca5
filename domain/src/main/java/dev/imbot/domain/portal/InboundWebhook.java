package dev.imbot.domain.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * An inbound webhook created by the operator: calls to {@code /rest/<userId>/<secret>/<method>} act
 * as that portal user.
 *
 * @param id the webhook's id
 * @param userId the portal user the calls act as
 * @param secret the hash of the secret in the URL
 * @param createdAt when it was created
 */
public record InboundWebhook(long id, long userId, SecretHash secret, Instant createdAt) {

  public InboundWebhook {
    if (id <= 0 || userId <= 0) {
      throw new IllegalArgumentException("webhook and user ids must be positive");
    }
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
