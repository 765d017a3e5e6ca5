package dev.imbot.application.port.in.portal;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.PortalIdentity;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;

/** Use case: the OAuth server's side, {@code /oauth/token/} and the tokens' upkeep. */
public interface OAuthTokensUseCase {

  /**
   * {@code grant_type=refresh_token}: spends the refresh token and issues a new pair for the same
   * application and user.
   *
   * @throws OAuthException with the OAuth server's error
   */
  TokenPair refresh(RefreshCommand command);

  /** Issues a new pair for (application, user). */
  TokenPair issue(ApplicationKey application, UserId user);

  /** Deletes expired tokens; how many went. */
  int pruneExpired();

  /** The portal's identity, for the answer's endpoints. */
  PortalIdentity identity();

  /** Command: the parameters of a {@code /oauth/token/} request, as given (any may be null). */
  record RefreshCommand(
      String grantType, String clientId, String clientSecret, String refreshToken) {
    @Override
    public String toString() {
      return "RefreshCommand[grantType=" + grantType + ", clientId=" + clientId + ", …]";
    }
  }

  /**
   * A fresh pair, in clear, as the OAuth server answers it.
   *
   * @param application its application
   * @param user its user
   * @param accessToken the access token
   * @param refreshToken the refresh token
   * @param expires when the access token expires
   * @param expiresIn its lifetime in seconds
   * @param scope the application's scopes
   */
  record TokenPair(
      ApplicationKey application,
      UserId user,
      String accessToken,
      String refreshToken,
      Instant expires,
      long expiresIn,
      String scope) {
    @Override
    public String toString() {
      return "TokenPair[" + application + ", user " + user + ", …]";
    }
  }
}
