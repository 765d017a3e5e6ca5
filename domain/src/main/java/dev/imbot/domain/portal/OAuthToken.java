package dev.imbot.domain.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * An issued OAuth token as stored: only its hash, for one (application, portal user), a person or a
 * bot, until {@code expiresAt}.
 *
 * @param hash the SHA-256 of the token
 * @param kind access or refresh
 * @param application the application it was issued to
 * @param user the user it acts as
 * @param expiresAt when it stops working
 */
public record OAuthToken(
    SecretHash hash, Kind kind, ApplicationKey application, UserId user, Instant expiresAt) {

  /** An access token calls the REST API; a refresh token gets a new pair once. */
  public enum Kind {
    ACCESS,
    REFRESH
  }

  public OAuthToken {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
