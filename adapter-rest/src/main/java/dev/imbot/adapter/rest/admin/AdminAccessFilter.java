package dev.imbot.adapter.rest.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards {@code /admin/**}: off (404) unless {@code imbot.admin.token} is configured; otherwise a
 * matching {@code Authorization: Bearer <token>}, compared in constant time, or 401.
 */
// Regex style: its matcher caches the compiled pattern, where the Ant style tokenised
// pattern and path again on every request.
@ServerFilter(patterns = "/admin(/.*)?", patternStyle = FilterPatternStyle.REGEX)
public final class AdminAccessFilter {
  private final byte[] token;

  public AdminAccessFilter(@Nullable @Value("${imbot.admin.token:}") String token) {
    this.token =
        token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    if (token == null) {
      return HttpResponse.status(HttpStatus.NOT_FOUND)
          .body(AdminErrors.body("NOT_FOUND", "The admin API is disabled (no admin token set)"));
    }
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    String prefix = "Bearer ";
    boolean valid =
        header != null
            && header.regionMatches(true, 0, prefix, 0, prefix.length())
            && MessageDigest.isEqual(
                token, header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8));
    if (!valid) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .body(AdminErrors.body("NO_AUTH_FOUND", "Wrong admin token"));
    }
    return null;
  }
}
