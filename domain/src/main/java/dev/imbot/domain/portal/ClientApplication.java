package dev.imbot.domain.portal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;

/**
 * A local application (a Bitrix24 OAuth app) registered by the operator.
 *
 * @param key its client id, which is its application key
 * @param accessToken the hash of its static admin-issued access token (a token of portal user 1),
 *     null when it has none
 * @param accessTokenExpiresAt when the static token stops working; null for never
 * @param applicationToken the per-application secret sent to its handlers as {@code
 *     auth[application_token]} (handlers compare it, so it is kept as is)
 * @param clientSecret the hash of its client secret ({@code /oauth/token/}), null when it has none
 * @param handlerUrl its install and handler URL, null when it has none
 * @param scope its scopes, comma-separated, e.g. {@code imbot,im}
 * @param title its name for people
 * @param state whether its install event was delivered
 * @param installer the user whose {@code auth} its install event carries
 */
public record ClientApplication(
    ApplicationKey key,
    SecretHash accessToken,
    Instant accessTokenExpiresAt,
    String applicationToken,
    SecretHash clientSecret,
    String handlerUrl,
    String scope,
    String title,
    InstallState state,
    UserId installer) {
  /** The scopes of an application created without any. */
  public static final String DEFAULT_SCOPE = "imbot,im";

  /** Portal user 1, the administrator: installs applications unless the operator names another. */
  public static final UserId ADMINISTRATOR = UserId.of(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  public ClientApplication {
    Objects.requireNonNull(key, "key");
    if (applicationToken == null || applicationToken.isBlank()) {
      throw new IllegalArgumentException("applicationToken must not be blank");
    }
    scope = scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope;
    title = title == null ? "" : title;
    state = state == null ? InstallState.INSTALLED : state;
    installer = installer == null ? ADMINISTRATOR : installer;
  }

  /** An application with a static token only (no client secret, no handler), installed. */
  public ClientApplication(
      ApplicationKey key,
      SecretHash accessToken,
      Instant accessTokenExpiresAt,
      String applicationToken) {
    this(
        key,
        accessToken,
        accessTokenExpiresAt,
        applicationToken,
        null,
        null,
        null,
        null,
        InstallState.INSTALLED,
        null);
  }

  /** Whether the static access token has expired at {@code now}. */
  public boolean tokenExpiredAt(Instant now) {
    return accessTokenExpiresAt != null && !now.isBefore(accessTokenExpiresAt);
  }

  /** The same application in {@code state}. */
  public ClientApplication withState(InstallState newState) {
    return new ClientApplication(
        key,
        accessToken,
        accessTokenExpiresAt,
        applicationToken,
        clientSecret,
        handlerUrl,
        scope,
        title,
        newState,
        installer);
  }

  /**
   * The same application without any way to call: no static token, no client secret (an application
   * being uninstalled).
   */
  public ClientApplication withoutCredentials() {
    return new ClientApplication(
        key, null, null, applicationToken, null, handlerUrl, scope, title, state, installer);
  }

  /** A new client id as Bitrix24 makes them: {@code local.<14 hex>.<8 digits>}. */
  public static String newClientId() {
    StringBuilder id = new StringBuilder("local.");
    for (int i = 0; i < 14; i++) {
      id.append(Character.forDigit(RANDOM.nextInt(16), 16));
    }
    id.append('.');
    for (int i = 0; i < 8; i++) {
      id.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return id.toString();
  }

  /** A new application token: 32 lower-case hex digits. */
  public static String newApplicationToken() {
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      token.append(Character.forDigit(RANDOM.nextInt(16), 16));
    }
    return token.toString();
  }
}
