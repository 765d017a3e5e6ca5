package dev.imbot.adapter.rest.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code /metrics} in Prometheus' text format: the service's own meters ({@link RestMetrics}), the
 * connection pool's, the JVM's and Micronaut's HTTP server timers.
 */
@Controller("/metrics")
public final class MetricsController {
  /** Prometheus' text exposition format. */
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsController(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Get(produces = TEXT_FORMAT)
  public HttpResponse<String> scrape() {
    return HttpResponse.ok(registry.scrape()).contentType(TEXT_FORMAT);
  }
}
