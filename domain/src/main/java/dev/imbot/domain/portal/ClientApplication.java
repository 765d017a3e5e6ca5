package dev.imbot.domain.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * An application registered by the operator, calling with an access token ({@code auth}).
 *
 * @param key its client id, which is its application key
 * @param accessToken the hash of its current access token
 * @param accessTokenExpiresAt when the token stops working; null for never
 * @param applicationToken the per-application secret sent to its handlers as {@code
 *     auth[application_token]} (handlers compare it, so it is kept as is)
 */
public record ClientApplication(
    ApplicationKey key,
    SecretHash accessToken,
    Instant accessTokenExpiresAt,
    String applicationToken) {

  public ClientApplication {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(accessToken, "accessToken");
    if (applicationToken == null || applicationToken.isBlank()) {
      throw new IllegalArgumentException("applicationToken must not be blank");
    }
  }

  /** Whether the access token has expired at {@code now}. */
  public boolean tokenExpiredAt(Instant now) {
    return accessTokenExpiresAt != null && !now.isBefore(accessTokenExpiresAt);
  }
}
