package dev.imbot.domain.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one attempt came to, as the HTTP side saw it. */
public sealed interface AttemptResult {
  /** How much of a response body the attempt log keeps. */
  int MAX_RESPONSE_CHARS = 1024;

  /** How long the attempt took. */
  Duration duration();

  /**
   * The handler answered with {@code status}.
   *
   * @param responseStart the first 1 KiB of the response body
   * @param retryAfter the {@code Retry-After} delay it asked for, if any
   */
  record Answered(
      int status, String responseStart, Optional<Duration> retryAfter, Duration duration)
      implements AttemptResult {
    public Answered {
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException("not an HTTP status: " + status);
      }
      responseStart =
          responseStart == null
              ? ""
              : responseStart.length() > MAX_RESPONSE_CHARS
                  ? responseStart.substring(0, MAX_RESPONSE_CHARS)
                  : responseStart;
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(duration, "duration");
    }

    public boolean successful() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * No answer: a timeout, a refused or reset connection, a TLS failure; {@code cause} says which.
   */
  record Failed(String cause, Duration duration) implements AttemptResult {
    public Failed {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /** Not sent: the network guard refused the handler's address ({@code cause} names it). */
  record Blocked(String cause, Duration duration) implements AttemptResult {
    public Blocked {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /** The short cause for the attempt log: null for a success. */
  default String cause() {
    if (this instanceof Answered answered) {
      if (answered.successful()) {
        return null;
      }
      return answered.status() >= 300 && answered.status() < 400
          ? "HTTP " + answered.status() + " (redirects are not followed)"
          : "HTTP " + answered.status();
    }
    if (this instanceof Failed failed) {
      return failed.cause();
    }
    return ((Blocked) this).cause();
  }
}
