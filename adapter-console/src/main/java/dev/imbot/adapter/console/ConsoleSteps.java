package dev.imbot.adapter.console;

import dev.imbot.adapter.console.view.Flash;
import dev.imbot.adapter.console.view.Layout;
import dev.imbot.adapter.console.view.MessagePage;
import dev.imbot.adapter.console.view.Section;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Console adapter: the steps every page's controller shares: the session of a request, the page
 * layout, a change guarded by the form token, a use case whose outcome is shown once on the next
 * page (post/redirect/get).
 */
final class ConsoleSteps {
  private ConsoleSteps() {}

  /** Runs a change once the form token matches the session's; refuses it otherwise. */
  static HttpResponse<?> change(
      Pages pages,
      HttpRequest<?> request,
      @Nullable String csrf,
      Function<ConsoleSession, HttpResponse<?>> action) {
    ConsoleSession session = required(request);
    if (!ConsoleAccess.csrfMatches(session, csrf)) {
      return pages.status(
          HttpStatus.FORBIDDEN,
          "message",
          new MessagePage(
              "Refused",
              "This form is out of date or did not come from the console. Reload the page and"
                  + " try again.",
              "/console/bots",
              "Back to the console"));
    }
    return action.apply(session);
  }

  /**
   * A change guarded by the form token that runs a use case; its outcome, or its refusal in words,
   * is shown once on {@code next}.
   */
  static HttpResponse<?> changeThenShow(
      Pages pages,
      HttpRequest<?> request,
      @Nullable String csrf,
      String next,
      Supplier<Flash> action) {
    return change(pages, request, csrf, session -> attempt(session, next, action));
  }

  /** Runs a use case; its outcome, or its refusal in words, is shown once on {@code next}. */
  static HttpResponse<?> attempt(ConsoleSession session, String next, Supplier<Flash> action) {
    Flash outcome;
    try {
      outcome = action.get();
    } catch (RuntimeException failure) {
      outcome = Flash.failed(ErrorsInWords.of(failure).orElseThrow(() -> failure));
    }
    session.flash(outcome);
    return seeOther(next);
  }

  static Layout layout(String title, Section section, ConsoleSession session) {
    return Layout.of(title, section, session.csrf(), session.takeFlash());
  }

  static Optional<ConsoleSession> session(HttpRequest<?> request) {
    return request.getAttribute(ConsoleAccessFilter.SESSION, ConsoleSession.class);
  }

  /** The filter lets no request without a session reach a page that needs one. */
  static ConsoleSession required(HttpRequest<?> request) {
    return session(request).orElseThrow(() -> new IllegalStateException("no console session"));
  }

  static MutableHttpResponse<?> seeOther(String location) {
    return HttpResponse.seeOther(URI.create(location));
  }

  /** A chosen id from a form, or a refusal in words naming {@code what} had to be chosen. */
  static long number(@Nullable String value, String what) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(what + ": choose one from the list");
    }
  }

  /** A form field stripped, or null when it is blank. */
  /**
   * The base URL the console shows in secrets (a new webhook's URL): the configured public URL
   * ({@code imbot.portal.public-url}) when set, else the address the browser used.
   */
  static String baseUrl(@Nullable String publicUrl, boolean secure, @Nullable String host) {
    if (publicUrl != null && !publicUrl.isBlank()) {
      return publicUrl.strip().replaceAll("/+$", "");
    }
    return (secure ? "https://" : "http://") + (host == null ? "127.0.0.1" : host);
  }

  static String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
