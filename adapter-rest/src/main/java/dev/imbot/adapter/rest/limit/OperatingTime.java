package dev.imbot.adapter.rest.limit;

import dev.imbot.adapter.rest.TransportError;
import dev.imbot.adapter.rest.ops.RestMetrics;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bitrix24's operating limit: the seconds each method spent for each caller, summed in ten
 * one-minute baskets. A basket's window starts at the first call counted in its minute and lasts
 * ten minutes. Always measured, for the {@code operating} and {@code operating_reset_at} fields of
 * every {@code time}; enforced only with {@code imbot.operating-limit.enabled=true}: once a
 * method's seconds for a caller exceed {@code imbot.operating-limit.budget} (480 by default), its
 * next call is refused with {@code 429 OPERATION_TIME_LIMIT} until enough baskets expire. The call
 * that crosses the budget completes. Kept in memory, per instance.
 */
@Singleton
public final class OperatingTime {
  /** How long a basket counts. */
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final Clock clock;
  private final boolean enabled;
  private final long budgetNanos;
  private final RestMetrics metrics;
  private final Map<String, Baskets> usage = new ConcurrentHashMap<>();

  public OperatingTime(
      Clock clock,
      RestMetrics metrics,
      @Value("${imbot.operating-limit.enabled:false}") boolean enabled,
      @Value("${imbot.operating-limit.budget:480}") double budgetSeconds) {
    if (!(budgetSeconds > 0)) {
      throw new IllegalArgumentException(
          "imbot.operating-limit.budget must be a positive number of seconds");
    }
    this.clock = clock;
    this.metrics = metrics;
    this.enabled = enabled;
    this.budgetNanos = Math.round(budgetSeconds * 1e9);
  }

  /** What a {@code time} object reports: seconds spent and when the oldest basket expires. */
  public record Usage(long nanos, Instant resetAt) {}

  /** Refuses the call when the limit is on and {@code method}'s budget for the caller is spent. */
  public void check(String caller, String method) {
    if (!enabled) {
      return;
    }
    Baskets baskets = usage.get(key(caller, method));
    if (baskets != null && baskets.usage(clock.instant()).nanos() > budgetNanos) {
      metrics.refused("OPERATION_TIME_LIMIT");
      throw new TransportError(
          429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
    }
  }

  /** Counts {@code nanos} spent by {@code method} for the caller; returns the usage after it. */
  public Usage record(String caller, String method, long nanos) {
    Instant now = clock.instant();
    return usage.computeIfAbsent(key(caller, method), k -> new Baskets()).add(now, nanos);
  }

  /**
   * The usage of a method nothing is counted for (the outer {@code batch}) answered at {@code
   * finish}: none, reset a window after it.
   */
  public Usage none(Instant finish) {
    return new Usage(0, finish.plus(WINDOW));
  }

  private static String key(String caller, String method) {
    return caller + ' ' + method;
  }

  /** Up to ten baskets of one (caller, method), oldest first. */
  private static final class Baskets {
    private final Deque<Basket> baskets = new ArrayDeque<>();

    synchronized Usage add(Instant now, long nanos) {
      expire(now);
      long minute = now.getEpochSecond() / 60;
      Basket last = baskets.peekLast();
      if (last == null || last.minute != minute) {
        last = new Basket(minute, now.plus(WINDOW));
        baskets.addLast(last);
      }
      last.nanos += nanos;
      return snapshot(now);
    }

    synchronized Usage usage(Instant now) {
      expire(now);
      return snapshot(now);
    }

    private void expire(Instant now) {
      while (!baskets.isEmpty() && !baskets.peekFirst().expiresAt.isAfter(now)) {
        baskets.removeFirst();
      }
    }

    private Usage snapshot(Instant now) {
      long total = 0;
      for (Basket basket : baskets) {
        total += basket.nanos;
      }
      Basket oldest = baskets.peekFirst();
      return new Usage(total, oldest == null ? now.plus(WINDOW) : oldest.expiresAt);
    }
  }

  private static final class Basket {
    final long minute;
    final Instant expiresAt;
    long nanos;

    Basket(long minute, Instant expiresAt) {
      this.minute = minute;
      this.expiresAt = expiresAt;
    }
  }
}
