package dev.imbot.adapter.console;

import dev.imbot.adapter.console.view.MessagePage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.FilterPatternStyle;
import java.net.URI;
import java.util.Optional;

/**
 * Console adapter: guards {@code /console/**}. A change (any method but GET and HEAD) that a
 * browser says comes from another site is refused before anything else; a page without a session
 * sends to the sign-in page, a change without one is refused. The form token of each change is
 * checked by the controller, which has the form. Every answer forbids caching, framing and
 * referrers, so the sign-in link's token does not leak.
 */
// Regex style: its matcher caches the compiled pattern, where the Ant style tokenised
// pattern and path again on every request.
@ServerFilter(patterns = "/console(/.*)?", patternStyle = FilterPatternStyle.REGEX)
final class ConsoleAccessFilter {
  static final String SESSION = "imbot.console.session";

  private final ConsoleAccess access;
  private final Pages pages;

  ConsoleAccessFilter(ConsoleAccess access, Pages pages) {
    this.access = access;
    this.pages = pages;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    String path = request.getPath();
    if (path.startsWith("/console/assets/")) {
      return null;
    }
    boolean change =
        request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD;
    if (change && crossSite(request)) {
      return refused(
          "Refused",
          "This request came from another site. Changes are made from the console's own pages only.");
    }
    Optional<ConsoleSession> session =
        request
            .getCookies()
            .findCookie(ConsoleAccess.COOKIE)
            .map(Cookie::getValue)
            .flatMap(access::find);
    session.ifPresent(s -> request.setAttribute(SESSION, s));
    if (session.isPresent() || isSignIn(path)) {
      return null;
    }
    if (change) {
      return refused("Signed out", "You are not signed in. Sign in again and repeat the change.");
    }
    return HttpResponse.seeOther(URI.create("/console/sign-in"));
  }

  @ResponseFilter
  void harden(MutableHttpResponse<?> response) {
    if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
      response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    response.header("X-Frame-Options", "DENY");
    response.header("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on forms.
    response.header("Referrer-Policy", "same-origin");
    response.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
  }

  private static boolean isSignIn(String path) {
    return path.equals("/console") || path.equals("/console/") || path.equals("/console/sign-in");
  }

  /**
   * What the browser says about the request's origin: {@code Sec-Fetch-Site} where sent (every
   * current browser), else an {@code Origin} whose host is not the one asked.
   */
  static boolean crossSite(HttpRequest<?> request) {
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if (site != null) {
      return !site.equals("same-origin") && !site.equals("none");
    }
    String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin == null) {
      return false;
    }
    String host = request.getHeaders().get(HttpHeaders.HOST);
    try {
      URI uri = URI.create(origin);
      String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host == null || !host.equalsIgnoreCase(originHost);
    } catch (IllegalArgumentException unreadable) {
      return true;
    }
  }

  private HttpResponse<?> refused(String title, String text) {
    return pages.status(
        HttpStatus.FORBIDDEN,
        "message",
        new MessagePage(title, text, "/console/sign-in", "Go to the sign-in page"));
  }
}
