package dev.imbot.domain.delivery;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When the attempts of a series happen: step {@code i} is the delay before attempt {@code i + 1},
 * counted from the previous attempt (the first step, usually zero, from the event). Each delay is
 * spread by a jitter (±20 % by default) so failed handlers are not all retried in the same second.
 * After the last step's attempt fails, the delivery is dead.
 *
 * @param steps the delays, at least one, none negative
 * @param jitter the spread, 0 to 1 ({@code 0.2} is ±20 %)
 */
public record RetrySchedule(List<Duration> steps, double jitter) {
  /** Svix's schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
  public static final RetrySchedule DEFAULT =
      new RetrySchedule(
          List.of(
              Duration.ZERO,
              Duration.ofSeconds(5),
              Duration.ofMinutes(5),
              Duration.ofMinutes(30),
              Duration.ofHours(2),
              Duration.ofHours(5),
              Duration.ofHours(10),
              Duration.ofHours(10)),
          0.2);

  public RetrySchedule {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a retry schedule has at least one step");
    }
    if (steps.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("a retry step is never negative");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter is between 0 and 1, was " + jitter);
    }
  }

  /** How many attempts a series makes. */
  public int attempts() {
    return steps.size();
  }

  /** The longest step: the most a {@code Retry-After} can push the next attempt back. */
  public Duration longestStep() {
    return Collections.max(steps);
  }

  /**
   * The delay before the next attempt after {@code attemptsMade} attempts all failed, or null when
   * none is left. {@code random} gives numbers in [0, 1); {@code retryAfter} (null when the handler
   * asked for none) moves it later, never earlier, and never beyond the longest step.
   */
  public Duration delayAfter(int attemptsMade, Duration retryAfter, DoubleSupplier random) {
    if (attemptsMade < 1) {
      throw new IllegalArgumentException("a delay follows an attempt");
    }
    if (attemptsMade >= steps.size()) {
      return null;
    }
    Duration step = steps.get(attemptsMade);
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    Duration delay = Duration.ofMillis(Math.round(step.toMillis() * factor));
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      Duration capped = retryAfter.compareTo(longestStep()) > 0 ? longestStep() : retryAfter;
      delay = capped.compareTo(delay) > 0 ? capped : delay;
    }
    return delay;
  }

  /** Reads a schedule from durations like {@code 0s,5s,5m,30m,2h} (s, m, h, d, or ISO-8601). */
  public static RetrySchedule parse(String text, double jitter) {
    List<Duration> steps =
        java.util.Arrays.stream(text.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(RetrySchedule::duration)
            .toList();
    return new RetrySchedule(steps, jitter);
  }

  private static Duration duration(String text) {
    if (text.startsWith("P") || text.startsWith("p")) {
      return Duration.parse(text);
    }
    String number = text.substring(0, text.length() - 1);
    try {
      long value = Long.parseLong(number);
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(value);
        case 'm' -> Duration.ofMinutes(value);
        case 'h' -> Duration.ofHours(value);
        case 'd' -> Duration.ofDays(value);
        default -> throw new IllegalArgumentException("not a duration: " + text);
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: " + text, e);
    }
  }
}
