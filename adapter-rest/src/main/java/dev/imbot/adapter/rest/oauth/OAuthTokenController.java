package dev.imbot.adapter.rest.oauth;

import dev.imbot.adapter.rest.wire.RequestDecoder;
import dev.imbot.adapter.rest.wire.WireParameters;
import dev.imbot.application.port.in.portal.OAuthException;
import dev.imbot.application.port.in.portal.OAuthTokensUseCase;
import dev.imbot.application.port.in.portal.OAuthTokensUseCase.RefreshCommand;
import dev.imbot.application.port.in.portal.OAuthTokensUseCase.TokenPair;
import dev.imbot.domain.portal.PortalIdentity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bitrix24's OAuth server at {@code /oauth/token/}: {@code grant_type=refresh_token} with {@code
 * client_id}, {@code client_secret} and {@code refresh_token} (query, form or JSON) gets a new pair
 * and spends the old refresh token. Errors are {@code {"error","error_description"}}, 400, or 401
 * for a wrong client secret.
 */
@Controller("/oauth")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class OAuthTokenController {
  private final OAuthTokensUseCase tokens;
  private final RequestDecoder decoder = new RequestDecoder();

  public OAuthTokenController(OAuthTokensUseCase tokens) {
    this.tokens = tokens;
  }

  @Get(
      uris = {"/token"},
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Map<String, Object>> get(HttpRequest<?> request) {
    return answer(request, null);
  }

  @Post(
      uris = {"/token"},
      consumes = MediaType.ALL,
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Map<String, Object>> post(
      HttpRequest<?> request, @Nullable @Body byte[] body) {
    return answer(request, body);
  }

  private HttpResponse<Map<String, Object>> answer(HttpRequest<?> request, byte[] body) {
    WireParameters parameters;
    try {
      parameters =
          decoder.decode(
              request.getUri().getRawQuery(),
              request.getHeaders().get(HttpHeaders.CONTENT_TYPE),
              body);
    } catch (RuntimeException e) {
      return error(HttpStatus.BAD_REQUEST, "invalid_request", "The request cannot be read");
    }
    try {
      TokenPair pair =
          tokens.refresh(
              new RefreshCommand(
                  parameters.text("grant_type"),
                  parameters.text("client_id"),
                  parameters.text("client_secret"),
                  parameters.text("refresh_token")));
      PortalIdentity portal = tokens.identity();
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("access_token", pair.accessToken());
      answer.put("expires", pair.expires().getEpochSecond());
      answer.put("expires_in", pair.expiresIn());
      answer.put("scope", pair.scope());
      answer.put("domain", portal.domain());
      answer.put("server_endpoint", portal.serverEndpoint());
      answer.put("status", "L");
      answer.put("client_endpoint", portal.clientEndpoint());
      answer.put("member_id", portal.memberId());
      answer.put("user_id", pair.user().value());
      answer.put("refresh_token", pair.refreshToken());
      return HttpResponse.ok(answer);
    } catch (OAuthException e) {
      return error(
          e.wrongSecret() ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST,
          e.error().code(),
          e.getMessage());
    }
  }

  private static HttpResponse<Map<String, Object>> error(
      HttpStatus status, String code, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("error_description", description);
    return HttpResponse.<Map<String, Object>>status(status).body(body);
  }
}
