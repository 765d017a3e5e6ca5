package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.MintEventTokensUseCase;
import dev.imbot.application.port.in.portal.OAuthException;
import dev.imbot.application.port.in.portal.OAuthException.Error;
import dev.imbot.application.port.in.portal.OAuthTokensUseCase;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.PortalIdentity;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Service: issues, refreshes and prunes OAuth tokens, and renders events' {@code auth} blocks with
 * tokens minted at the attempt. Tokens are random (192 bits) and stored as hashes only.
 */
public final class OAuthTokensService implements OAuthTokensUseCase, MintEventTokensUseCase {
  /**
   * The events whose top-level {@code auth} Bitrix24 sends with {@code refresh_token}; join and bot
   * delete are not among them. A bot's block ({@code data[BOT][id]} and its {@code AUTH} copy)
   * always has one: Bitrix24 mints it with {@code sendRefreshToken}, join included.
   */
  static final Set<String> WITH_REFRESH_TOKEN =
      Set.of(
          "ONAPPINSTALL",
          "ONIMBOTMESSAGEADD",
          "ONIMBOTMESSAGEUPDATE",
          "ONIMBOTMESSAGEDELETE",
          "ONIMCOMMANDADD");

  private final ClientApplications applications;
  private final OAuthTokens tokens;
  private final PortalIdentitySource identity;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final Clock clock;

  public OAuthTokensService(
      ClientApplications applications,
      OAuthTokens tokens,
      PortalIdentitySource identity,
      Duration accessLifetime,
      Duration refreshLifetime,
      Clock clock) {
    if (accessLifetime.isNegative() || accessLifetime.isZero()) {
      throw new IllegalArgumentException("the access token lifetime must be positive");
    }
    if (refreshLifetime.compareTo(accessLifetime) < 0) {
      throw new IllegalArgumentException("a refresh token must outlive its access token");
    }
    this.applications = applications;
    this.tokens = tokens;
    this.identity = identity;
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
    this.clock = clock;
  }

  @Override
  public PortalIdentity identity() {
    return identity.identity();
  }

  @Override
  public TokenPair issue(ApplicationKey application, UserId user) {
    return issue(
        application, user, applications.find(application).map(ClientApplication::scope).orElse(""));
  }

  private TokenPair issue(ApplicationKey application, UserId user, String scope) {
    Instant now = clock.instant();
    String access = SecretHash.newSecret();
    String refresh = SecretHash.newSecret();
    Instant expires = now.plus(accessLifetime);
    tokens.save(
        new OAuthToken(SecretHash.of(access), OAuthToken.Kind.ACCESS, application, user, expires));
    tokens.save(
        new OAuthToken(
            SecretHash.of(refresh),
            OAuthToken.Kind.REFRESH,
            application,
            user,
            now.plus(refreshLifetime)));
    return new TokenPair(
        application, user, access, refresh, expires, accessLifetime.toSeconds(), scope);
  }

  @Override
  public TokenPair refresh(RefreshCommand command) {
    if (!"refresh_token".equals(command.grantType())) {
      throw new OAuthException(Error.INVALID_REQUEST, "grant_type must be refresh_token", false);
    }
    if (blank(command.clientId()) || blank(command.refreshToken())) {
      throw new OAuthException(
          Error.INVALID_REQUEST, "client_id and refresh_token are required", false);
    }
    ClientApplication application =
        findClient(command.clientId())
            .orElseThrow(
                () -> new OAuthException(Error.INVALID_CLIENT, "Invalid client_id", false));
    if (application.clientSecret() == null
        || !application.clientSecret().matches(command.clientSecret())) {
      throw new OAuthException(Error.INVALID_CLIENT, "Invalid client_secret", true);
    }
    SecretHash hash = SecretHash.of(command.refreshToken());
    OAuthToken refresh =
        tokens
            .find(hash)
            .filter(token -> token.kind() == OAuthToken.Kind.REFRESH)
            .filter(token -> token.application().equals(application.key()))
            .orElseThrow(() -> invalidGrant());
    if (refresh.expiredAt(clock.instant()) || !tokens.delete(hash)) {
      throw invalidGrant();
    }
    return issue(application.key(), refresh.user());
  }

  @Override
  public int pruneExpired() {
    return tokens.deleteExpired(clock.instant());
  }

  @Override
  public EventAuth mint(ApplicationKey application, String event, AuthSubjects subjects) {
    PortalIdentity portal = identity.identity();
    Optional<String> webhookClientId = application.webhookClientId();
    Optional<ClientApplication> found =
        webhookClientId.isPresent() ? Optional.empty() : applications.find(application);
    Optional<ClientApplication> local = found.filter(a -> a.state() != InstallState.UNINSTALLING);
    if (local.isEmpty()) {
      // Webhook-keyed (or uninstalling, or no longer known): no OAuth client, so no tokens; the
      // application token is the CLIENT_ID it registered with, as Bitrix24's server sends it.
      String applicationToken =
          webhookClientId.orElseGet(
              () -> found.map(ClientApplication::applicationToken).orElse(""));
      return new EventAuth(bare(portal, applicationToken), Map.of());
    }
    ClientApplication app = local.get();
    boolean withRefresh = WITH_REFRESH_TOKEN.contains(event);
    EventData auth =
        subjects.actingUser() == null
            ? bare(portal, app.applicationToken())
            : block(portal, app, subjects.actingUser(), withRefresh, false);
    Map<UserId, EventData> bots = new LinkedHashMap<>();
    for (UserId bot : subjects.bots()) {
      bots.put(bot, block(portal, app, bot, true, true));
    }
    return new EventAuth(auth, bots);
  }

  private EventData block(
      PortalIdentity portal,
      ClientApplication app,
      UserId user,
      boolean withRefresh,
      boolean withClientId) {
    TokenPair pair = issue(app.key(), user, app.scope());
    EventData.Builder block =
        EventData.builder()
            .put("access_token", pair.accessToken())
            .put("expires", pair.expires().getEpochSecond())
            .put("expires_in", pair.expiresIn())
            .put("scope", app.scope())
            .put("domain", portal.domain())
            .put("server_endpoint", portal.serverEndpoint())
            .put("status", "L")
            .put("client_endpoint", portal.clientEndpoint())
            .put("member_id", portal.memberId())
            .put("user_id", user.value());
    if (withRefresh) {
      block.put("refresh_token", pair.refreshToken());
    } else {
      // The pair's refresh token is never handed out: spend it at once.
      tokens.delete(SecretHash.of(pair.refreshToken()));
    }
    block.put("application_token", app.applicationToken());
    if (withClientId) {
      block.put("client_id", app.key().value());
    }
    return block.build();
  }

  private static EventData bare(PortalIdentity portal, String applicationToken) {
    return EventData.builder()
        .put("domain", portal.domain())
        .put("member_id", portal.memberId())
        .put("application_token", applicationToken)
        .build();
  }

  private Optional<ClientApplication> findClient(String clientId) {
    try {
      return applications
          .find(ApplicationKey.of(clientId.strip()))
          .filter(a -> a.state() != InstallState.UNINSTALLING);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static OAuthException invalidGrant() {
    return new OAuthException(Error.INVALID_GRANT, "Invalid refresh token", false);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
