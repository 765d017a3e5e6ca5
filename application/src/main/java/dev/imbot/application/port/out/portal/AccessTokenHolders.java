package dev.imbot.application.port.out.portal;

import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import java.util.Optional;

/**
 * Outgoing port: who holds an access token, the OAuth token issued with it and the application
 * whose own token it is, read together: authentication asks on every call that presents one, and an
 * adapter can answer both in one read instead of one after the other.
 */
public interface AccessTokenHolders {

  /**
   * The OAuth token stored with this hash (any kind, expired or not) and the registered application
   * whose access token has this hash (as {@link ClientApplications#findByAccessToken}).
   */
  Holders find(SecretHash hash);

  /** What {@link #find} found: either, both or neither. */
  record Holders(Optional<OAuthToken> issued, Optional<ClientApplication> application) {}

  /** The two ports asked one after the other: for adapters without a cheaper way. */
  static AccessTokenHolders of(OAuthTokens tokens, ClientApplications applications) {
    return hash -> new Holders(tokens.find(hash), applications.findByAccessToken(hash));
  }
}
