package dev.imbot.adapter.console.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** View model support: instants and durations as the console writes them (UTC). */
public final class Times {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2026-12-04 10:00:05 UTC}, or empty for none. */
  public static String utc(Instant instant) {
    return instant == null ? "" : UTC.format(instant) + " UTC";
  }

  /** {@code 10:05}, the minute of {@code instant} in UTC. */
  public static String minute(Instant instant) {
    return MINUTE.format(instant);
  }

  /** {@code 12 ms}, {@code 1.5 s}. */
  public static String duration(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1000
        ? millis + " ms"
        : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
