package dev.imbot.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A handler URL's health for the operator: its last hour's activity judged. It is {@link
 * State#FAILING} when its last {@code failingAfter} attempts (5 by default, as the delivery worker
 * counts a failing host) all failed, {@link State#OK} otherwise.
 *
 * @param activity what its attempts came to in the hour
 * @param state ok or failing
 * @param minutes the hour minute by minute, oldest first, minutes without attempts included
 */
public record HandlerHealth(
    HandlerActivity activity, State state, List<HandlerActivity.Minute> minutes) {

  /** How far back the health looks. */
  public static final Duration WINDOW = Duration.ofHours(1);

  /** A handler's state. */
  public enum State {
    OK,
    FAILING
  }

  public HandlerHealth {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(state, "state");
    minutes = List.copyOf(minutes);
  }

  /** When the window that ends at {@code now} starts: the start of the minute an hour before. */
  public static Instant windowStart(Instant now) {
    return HandlerActivity.minuteOf(now).minus(WINDOW).plusSeconds(60);
  }

  /**
   * Judges {@code activity} at {@code now}: failing after {@code failingAfter} failures in a row.
   */
  public static HandlerHealth judge(HandlerActivity activity, int failingAfter, Instant now) {
    if (failingAfter < 1) {
      throw new IllegalArgumentException("failingAfter is positive");
    }
    State state = activity.consecutiveFailures() >= failingAfter ? State.FAILING : State.OK;
    Map<Instant, HandlerActivity.Minute> seen = new HashMap<>();
    activity.minutes().forEach(m -> seen.put(m.start(), m));
    List<HandlerActivity.Minute> minutes = new ArrayList<>();
    for (Instant minute = windowStart(now);
        !minute.isAfter(HandlerActivity.minuteOf(now));
        minute = minute.plusSeconds(60)) {
      minutes.add(seen.getOrDefault(minute, new HandlerActivity.Minute(minute, 0, 0)));
    }
    return new HandlerHealth(activity, state, minutes);
  }

  public String handlerUrl() {
    return activity.handlerUrl();
  }

  /** The share of attempts that succeeded, 0 to 1. */
  public double successRate() {
    return (double) activity.successes() / activity.attempts();
  }
}
