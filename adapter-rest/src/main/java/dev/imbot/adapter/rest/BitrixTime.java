package dev.imbot.adapter.rest;

import dev.imbot.adapter.rest.limit.OperatingTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code time} object of every Bitrix24 answer, all six fields always present: Unix seconds
 * with microseconds as plain decimals (never exponent notation), ISO-8601 dates with offset; then
 * Bitrix24 cloud's {@code operating_reset_at} (whole Unix seconds) and {@code operating} (seconds
 * the method spent for the caller in the last ten minutes, see {@code OperatingTime}).
 */
public final class BitrixTime {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private BitrixTime() {}

  /**
   * @param start when the request arrived
   * @param processingNanos time spent in the method itself
   * @param finish when the answer was made
   */
  public static Map<String, Object> of(Instant start, long processingNanos, Instant finish) {
    return of(start, processingNanos, finish, new OperatingTime.Usage(0, finish.plusSeconds(600)));
  }

  /**
   * @param operating what the method spent for the caller, this call included
   */
  public static Map<String, Object> of(
      Instant start, long processingNanos, Instant finish, OperatingTime.Usage operating) {
    Map<String, Object> time = new LinkedHashMap<>();
    BigDecimal startSeconds = seconds(start);
    BigDecimal finishSeconds = seconds(finish);
    time.put("start", startSeconds);
    time.put("finish", finishSeconds);
    time.put("duration", finishSeconds.subtract(startSeconds));
    time.put("processing", micros(processingNanos));
    time.put("date_start", date(start));
    time.put("date_finish", date(finish));
    time.put("operating_reset_at", operating.resetAt().getEpochSecond());
    time.put("operating", micros(operating.nanos()));
    return time;
  }

  private static BigDecimal micros(long nanos) {
    return BigDecimal.valueOf(nanos / 1_000).movePointLeft(6).setScale(6, RoundingMode.DOWN);
  }

  private static BigDecimal seconds(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    return BigDecimal.valueOf(micros.getEpochSecond())
        .add(BigDecimal.valueOf(micros.getNano() / 1_000, 6))
        .setScale(6, RoundingMode.DOWN);
  }

  /**
   * {@code instant} as Bitrix24 writes dates: ISO-8601 with offset, {@code
   * 2026-11-24T03:43:38+00:00}.
   */
  public static String date(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).format(DATE);
  }
}
