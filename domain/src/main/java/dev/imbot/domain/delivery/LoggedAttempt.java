package dev.imbot.domain.delivery;

import java.util.Objects;

/**
 * A line of a delivery's attempt log with the series it belongs to: 1 for the attempts before any
 * replay, 2 for those after the first replay, and so on (each series numbers its attempts from 1).
 */
public record LoggedAttempt(int series, AttemptRecord attempt) {
  public LoggedAttempt {
    if (series < 1) {
      throw new IllegalArgumentException("series are numbered from 1");
    }
    Objects.requireNonNull(attempt, "attempt");
  }
}
