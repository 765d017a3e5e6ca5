package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.portal.OAuthTokensUseCase;
import dev.imbot.application.port.in.portal.OAuthTokensUseCase.TokenPair;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The error paths of OAuth over real HTTP, as Bitrix24 answers them: {@code /oauth/token/} refuses
 * bad requests, unknown clients, wrong secrets and unknown, spent, expired or foreign refresh
 * tokens with {@code {"error","error_description"}} and 400 (401 for a wrong secret); REST calls
 * with an expired access token answer {@code 401 expired_token}, with an unknown, revoked or
 * non-access token {@code 401 NO_AUTH_FOUND}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthErrorsTest {
  @TempDir static Path temp;
  private ServiceDatabase database;
  private RunningService service;

  @BeforeAll
  void start() {
    database = ServiceDatabase.h2File(temp.resolve("db"));
    service = RunningService.start(database, Map.of("imbot.admin.token", RoundTrip.ADMIN));
  }

  @AfterAll
  void stop() {
    TestResources.closeAll(service, database);
  }

  /** A local application without a handler (installed at once), and a token pair of user 1. */
  private record Client(String clientId, String clientSecret, String staticToken, TokenPair pair) {}

  private Client client(String title) {
    Map<String, Object> created = RoundTrip.createApplication(service, title, null);
    String clientId = (String) created.get("client_id");
    TokenPair pair =
        service.bean(OAuthTokensUseCase.class).issue(ApplicationKey.of(clientId), UserId.of(1));
    return new Client(
        clientId,
        (String) created.get("client_secret"),
        (String) created.get("access_token"),
        pair);
  }

  /** A token of {@code client}'s user 1 that expired a second ago. */
  private String expiredToken(Client client, OAuthToken.Kind kind) {
    return RoundTrip.tokenOfUser1(service, client.clientId(), kind, Instant.now().minusSeconds(1));
  }

  private Answer refresh(Map<String, String> parameters) {
    return service.postForm("/oauth/token/", RoundTrip.form(parameters));
  }

  private static Map<String, String> grant(Client client, String refreshToken) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("grant_type", "refresh_token");
    parameters.put("client_id", client.clientId());
    parameters.put("client_secret", client.clientSecret());
    parameters.put("refresh_token", refreshToken);
    return parameters;
  }

  private static void assertOAuthError(Answer answer, int status, String error) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(answer.object()).containsOnlyKeys("error", "error_description");
    assertThat(answer.error()).isEqualTo(error);
    assertThat(answer.errorDescription()).isNotBlank();
  }

  @Test
  void givenMissingOrUnsupportedParameters_tokenEndpoint_answers400InvalidRequest() {
    Client client = client("Requests");
    Map<String, String> noGrant = grant(client, client.pair().refreshToken());
    noGrant.remove("grant_type");
    Map<String, String> authorizationCode = grant(client, client.pair().refreshToken());
    authorizationCode.put("grant_type", "authorization_code");
    Map<String, String> noRefreshToken = grant(client, "");
    Map<String, String> noClient = grant(client, client.pair().refreshToken());
    noClient.remove("client_id");

    assertOAuthError(refresh(noGrant), 400, "invalid_request");
    assertOAuthError(refresh(authorizationCode), 400, "invalid_request");
    assertOAuthError(refresh(noRefreshToken), 400, "invalid_request");
    assertOAuthError(refresh(noClient), 400, "invalid_request");
    assertOAuthError(service.get("/oauth/token/"), 400, "invalid_request");
    assertThat(refresh(grant(client, client.pair().refreshToken())).status())
        .as("none of the refused requests spent the refresh token")
        .isEqualTo(200);
  }

  @Test
  void givenUnknownClientOrWrongSecret_tokenEndpoint_answersInvalidClient400Or401() {
    Client client = client("Clients");
    Map<String, String> unknown = grant(client, client.pair().refreshToken());
    unknown.put("client_id", "local.00000000000000.00000000");
    Map<String, String> wrongSecret = grant(client, client.pair().refreshToken());
    wrongSecret.put("client_secret", "not-the-secret");
    Map<String, String> noSecret = grant(client, client.pair().refreshToken());
    noSecret.remove("client_secret");

    assertOAuthError(refresh(unknown), 400, "invalid_client");
    assertOAuthError(refresh(wrongSecret), 401, "invalid_client");
    assertOAuthError(refresh(noSecret), 401, "invalid_client");
    assertOAuthError(
        service.get(
            "/oauth/token/?grant_type=refresh_token&client_id="
                + client.clientId()
                + "&client_secret=wrong&refresh_token="
                + client.pair().refreshToken()),
        401,
        "invalid_client");
    assertThat(refresh(grant(client, client.pair().refreshToken())).status())
        .as("a refused client spent nothing")
        .isEqualTo(200);
  }

  @Test
  void givenUnknownSpentExpiredAccessOrForeignRefreshToken_tokenEndpoint_answers400InvalidGrant() {
    Client client = client("Grants");
    Client other = client("Foreign");
    String expired = expiredToken(client, OAuthToken.Kind.REFRESH);
    Answer first = refresh(grant(client, client.pair().refreshToken()));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);

    assertOAuthError(refresh(grant(client, "never-issued")), 400, "invalid_grant");
    assertOAuthError(refresh(grant(client, client.pair().refreshToken())), 400, "invalid_grant");
    assertOAuthError(refresh(grant(client, expired)), 400, "invalid_grant");
    assertOAuthError(refresh(grant(client, client.pair().accessToken())), 400, "invalid_grant");
    assertOAuthError(refresh(grant(client, other.pair().refreshToken())), 400, "invalid_grant");
    assertThat(refresh(grant(other, other.pair().refreshToken())).status())
        .as("another client's try did not spend the token")
        .isEqualTo(200);
  }

  @Test
  void givenUninstalledApplication_itsClientAndTokens_areRefused() {
    Client client = client("Gone");
    Answer removed =
        service.admin("DELETE", "/applications/" + client.clientId(), null, RoundTrip.ADMIN);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);

    assertOAuthError(refresh(grant(client, client.pair().refreshToken())), 400, "invalid_client");
    Answer call = service.postForm("/rest/profile", "auth=" + client.pair().accessToken());
    assertThat(call.status()).isEqualTo(401);
    assertThat(call.error()).isEqualTo("NO_AUTH_FOUND");
  }

  @Test
  void givenUnknownExpiredOrRefreshTokenAsAuth_restCall_answers401WithBitrixCodes() {
    Client client = client("Callers");
    String expired = expiredToken(client, OAuthToken.Kind.ACCESS);

    Answer expiredCall = service.postForm("/rest/profile", "auth=" + expired);
    Answer unknownCall = service.postForm("/rest/profile", "auth=never-issued");
    Answer refreshAsAccess =
        service.postForm("/rest/profile", "auth=" + client.pair().refreshToken());
    Answer live = service.postForm("/rest/profile", "auth=" + client.pair().accessToken());

    assertThat(expiredCall.status()).isEqualTo(401);
    assertThat(expiredCall.error()).isEqualTo("expired_token");
    assertThat(expiredCall.errorDescription()).isEqualTo("The access token provided has expired.");
    assertThat(unknownCall.status()).isEqualTo(401);
    assertThat(unknownCall.error()).isEqualTo("NO_AUTH_FOUND");
    assertThat(refreshAsAccess.status()).isEqualTo(401);
    assertThat(refreshAsAccess.error()).isEqualTo("NO_AUTH_FOUND");
    assertThat(live.status()).as(live.toString()).isEqualTo(200);
  }

  @Test
  void givenBotsToken_unregister_revokesItButNotThePersonsToken() {
    Client client = client("Revoking");
    Answer registered =
        service.postForm(
            "/rest/imbot.register",
            CrestForm.minimal("ignored", "revoked").encoded() + "&auth=" + client.staticToken());
    assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
    long botId = registered.botId();
    TokenPair botPair =
        service
            .bean(OAuthTokensUseCase.class)
            .issue(ApplicationKey.of(client.clientId()), UserId.of(botId));
    Answer before = service.postForm("/rest/profile", "auth=" + botPair.accessToken());
    assertThat(before.status()).as(before.toString()).isEqualTo(200);

    Answer unregistered =
        service.postForm(
            "/rest/imbot.unregister", "BOT_ID=" + botId + "&auth=" + client.staticToken());
    assertThat(unregistered.status()).as(unregistered.toString()).isEqualTo(200);

    Answer after = service.postForm("/rest/profile", "auth=" + botPair.accessToken());
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.error()).isEqualTo("NO_AUTH_FOUND");
    assertOAuthError(refresh(grant(client, botPair.refreshToken())), 400, "invalid_grant");
    assertThat(service.postForm("/rest/profile", "auth=" + client.pair().accessToken()).status())
        .isEqualTo(200);
  }
}
