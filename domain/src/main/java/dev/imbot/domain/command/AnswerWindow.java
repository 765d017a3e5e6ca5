package dev.imbot.domain.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long after a command was sent its bot may answer it with {@code imbot.command.answer}: 10
 * minutes by default. Bitrix24 grants a short-lived token per bot and dialog when it dispatches a
 * command; here the window is explicit. After it, an answer is accepted and dropped.
 */
public record AnswerWindow(Duration length) {
  public static final AnswerWindow DEFAULT = new AnswerWindow(Duration.ofMinutes(10));

  public AnswerWindow {
    Objects.requireNonNull(length, "length");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("the answer window must be positive, was " + length);
    }
  }

  /** Whether a command sent at {@code sentAt} may still be answered at {@code now}. */
  public boolean isOpen(Instant sentAt, Instant now) {
    return !now.isAfter(sentAt.plus(length));
  }

  /** When the window of a command sent at {@code sentAt} closes. */
  public Instant closesAt(Instant sentAt) {
    return sentAt.plus(length);
  }
}
