package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.AuthenticateCallerUseCase;
import dev.imbot.application.port.in.portal.Caller;
import dev.imbot.application.port.in.portal.Credentials;
import dev.imbot.application.port.out.portal.AccessTokenHolders;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.portal.AccessRejection;
import dev.imbot.domain.portal.AccessRejectionReason;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import java.time.Clock;
import java.util.Optional;

/**
 * Service: authenticates a call. Webhook secrets are compared in constant time against each of the
 * user's webhooks; access tokens are looked up by their hash, so no clear secret is stored. An
 * issued OAuth token acts as its user for its application; an application's static token acts as
 * portal user 1.
 */
public final class AuthenticateCallerService implements AuthenticateCallerUseCase {
  private final InboundWebhooks webhooks;
  private final AccessTokenHolders holders;
  private final Clock clock;

  public AuthenticateCallerService(
      InboundWebhooks webhooks, ClientApplications applications, OAuthTokens tokens, Clock clock) {
    this(webhooks, AccessTokenHolders.of(tokens, applications), clock);
  }

  public AuthenticateCallerService(
      InboundWebhooks webhooks, AccessTokenHolders holders, Clock clock) {
    this.webhooks = webhooks;
    this.holders = holders;
    this.clock = clock;
  }

  @Override
  public Caller authenticate(Credentials credentials) {
    if (credentials instanceof Credentials.Webhook webhook) {
      boolean known =
          webhook.userId() > 0
              && webhooks.ofUser(webhook.userId()).stream()
                  .anyMatch(candidate -> candidate.secret().matches(webhook.secret()));
      if (known) {
        return new Caller.Webhook(webhook.userId());
      }
    } else if (credentials instanceof Credentials.AccessToken token
        && token.token() != null
        && !token.token().isBlank()) {
      AccessTokenHolders.Holders holder = holders.find(SecretHash.of(token.token()));
      Optional<OAuthToken> issued =
          holder.issued().filter(found -> found.kind() == OAuthToken.Kind.ACCESS);
      if (issued.isPresent()) {
        if (issued.get().expiredAt(clock.instant())) {
          throw AccessRejection.of(AccessRejectionReason.ACCESS_TOKEN_EXPIRED).toException();
        }
        return new Caller.Application(issued.get().application(), issued.get().user());
      }
      ClientApplication application =
          holder
              .application()
              .filter(found -> found.state() != InstallState.UNINSTALLING)
              .orElseThrow(
                  () ->
                      AccessRejection.of(AccessRejectionReason.WRONG_AUTHORIZATION).toException());
      if (application.tokenExpiredAt(clock.instant())) {
        throw AccessRejection.of(AccessRejectionReason.ACCESS_TOKEN_EXPIRED).toException();
      }
      return new Caller.Application(application.key());
    }
    throw AccessRejection.of(AccessRejectionReason.WRONG_AUTHORIZATION).toException();
  }
}
