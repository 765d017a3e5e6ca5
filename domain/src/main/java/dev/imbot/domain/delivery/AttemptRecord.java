package dev.imbot.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the attempt log.
 *
 * @param number the attempt's number in its series, from 1
 * @param startedAt when it started
 * @param duration how long it took
 * @param status the HTTP status, 0 when there was no answer
 * @param responseStart the first 1 KiB of the response body, empty without one
 * @param cause why it failed, null when it succeeded
 */
public record AttemptRecord(
    int number,
    Instant startedAt,
    Duration duration,
    int status,
    String responseStart,
    String cause) {
  public AttemptRecord {
    if (number < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1");
    }
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(responseStart, "responseStart");
  }

  /** The log line of {@code result}, attempt {@code number} started at {@code startedAt}. */
  public static AttemptRecord of(int number, Instant startedAt, AttemptResult result) {
    int status = result instanceof AttemptResult.Answered a ? a.status() : 0;
    String response = result instanceof AttemptResult.Answered a ? a.responseStart() : "";
    return new AttemptRecord(
        number, startedAt, result.duration(), status, response, result.cause());
  }

  public boolean succeeded() {
    return cause == null;
  }
}
