package dev.imbot.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one handler URL's attempts came to in a window (the last hour): how many, how many
 * succeeded, their latency's median and 99th percentile, the failures since its last success, and
 * the counts per minute.
 *
 * @param handlerUrl the handler
 * @param attempts attempts started in the window
 * @param successes those that succeeded
 * @param p50 the median duration (the smallest duration at least half of them took no longer than)
 * @param p99 the 99th percentile duration, in the same sense
 * @param consecutiveFailures failures in the window after its last success in the window (in the
 *     order the attempts ended)
 * @param minutes the minutes with attempts, oldest first
 */
public record HandlerActivity(
    String handlerUrl,
    long attempts,
    long successes,
    Duration p50,
    Duration p99,
    long consecutiveFailures,
    List<Minute> minutes) {

  /** The attempts of one minute (its start, a whole minute since the epoch). */
  public record Minute(Instant start, long successes, long failures) {
    public Minute {
      Objects.requireNonNull(start, "start");
      if (start.getEpochSecond() % 60 != 0 || start.getNano() != 0) {
        throw new IllegalArgumentException("a minute starts on a whole minute");
      }
      if (successes < 0 || failures < 0) {
        throw new IllegalArgumentException("counts are never negative");
      }
    }
  }

  public HandlerActivity {
    Objects.requireNonNull(handlerUrl, "handlerUrl");
    if (attempts < 1 || successes < 0 || successes > attempts) {
      throw new IllegalArgumentException("an active handler has attempts, some of them successes");
    }
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p99, "p99");
    if (consecutiveFailures < 0 || consecutiveFailures > attempts - successes) {
      throw new IllegalArgumentException("consecutive failures are some of the failures");
    }
    minutes = List.copyOf(minutes);
  }

  /** The whole minute {@code instant} falls in. */
  public static Instant minuteOf(Instant instant) {
    return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), 60) * 60);
  }

  /**
   * The activity of {@code handlerUrl} from its attempts in the window, in the order they ended (a
   * store without SQL computes it this way; the database adapter computes the same in SQL).
   */
  public static HandlerActivity of(String handlerUrl, List<AttemptRecord> attemptsInOrder) {
    if (attemptsInOrder.isEmpty()) {
      throw new IllegalArgumentException("an active handler has attempts");
    }
    long successes = 0;
    long consecutive = 0;
    Map<Instant, long[]> perMinute = new TreeMap<>();
    for (AttemptRecord attempt : attemptsInOrder) {
      long[] counts = perMinute.computeIfAbsent(minuteOf(attempt.startedAt()), m -> new long[2]);
      if (attempt.succeeded()) {
        successes++;
        consecutive = 0;
        counts[0]++;
      } else {
        consecutive++;
        counts[1]++;
      }
    }
    List<Duration> durations =
        attemptsInOrder.stream()
            .map(AttemptRecord::duration)
            .sorted(Comparator.naturalOrder())
            .toList();
    List<Minute> minutes = new ArrayList<>();
    perMinute.forEach((start, counts) -> minutes.add(new Minute(start, counts[0], counts[1])));
    return new HandlerActivity(
        handlerUrl,
        attemptsInOrder.size(),
        successes,
        percentile(durations, 0.5),
        percentile(durations, 0.99),
        consecutive,
        minutes);
  }

  /**
   * The discrete percentile {@code p} of {@code sorted}: the smallest value at least a fraction
   * {@code p} of the values are at most (SQL's {@code PERCENTILE_DISC}).
   */
  public static Duration percentile(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
