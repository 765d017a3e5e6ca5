package dev.imbot.adapter.rest.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The REST front's meters: {@code imbot_rest_requests_seconds} by Bitrix method and outcome ({@code
 * ok} or the error code), and {@code imbot_limit_refusals_total} by limit ({@code
 * QUERY_LIMIT_EXCEEDED}, {@code OPERATION_TIME_LIMIT}). Method names come only from the set the
 * service answers ({@code unknown} otherwise), so a caller cannot grow the label set.
 */
@Singleton
public final class RestMetrics {
  /** The outcome label of a successful call. */
  public static final String OK = "ok";

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

  public RestMetrics(MeterRegistry registry) {
    this.registry = registry;
    refusal("QUERY_LIMIT_EXCEEDED");
    refusal("OPERATION_TIME_LIMIT");
  }

  /**
   * Records one answered call of {@code method} ({@code unknown} for none) with {@code outcome}.
   */
  public void call(String method, String outcome, long nanos) {
    timers
        .computeIfAbsent(
            method + ' ' + outcome,
            key ->
                Timer.builder("imbot.rest.requests")
                    .description("Bitrix REST calls by method and outcome")
                    .tag("method", method)
                    .tag("outcome", outcome)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts one call refused by {@code limit} (the error code it was answered with). */
  public void refused(String limit) {
    refusal(limit).increment();
  }

  private Counter refusal(String limit) {
    return refusals.computeIfAbsent(
        limit,
        key ->
            Counter.builder("imbot.limit.refusals")
                .description("Calls refused by the request-rate or method-time limit")
                .tag("limit", limit)
                .register(registry));
  }
}
