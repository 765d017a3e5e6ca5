package dev.imbot.application.port.out.portal;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.Optional;

/** Outgoing port: the OAuth tokens issued to applications, stored as hashes only. */
public interface OAuthTokens {

  void save(OAuthToken token);

  /** The token with this hash, expired or not. */
  Optional<OAuthToken> find(SecretHash hash);

  /**
   * Deletes the token with this hash; whether it was there. Of two concurrent calls for one token,
   * only one sees {@code true}: a refresh token is spent exactly once.
   */
  boolean delete(SecretHash hash);

  /** Deletes every token of the application. */
  void deleteAll(ApplicationKey application);

  /** Deletes every token of the application acting as {@code user} (a removed bot's). */
  void deleteAll(ApplicationKey application, UserId user);

  /** Deletes the tokens expired at {@code now}; how many. */
  int deleteExpired(Instant now);
}
