package dev.imbot.adapter.rest;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/**
 * Liveness at {@code /health}: answers from the event loop without touching the database or the
 * Bitrix codec, so it also serves as the HTTP stack's ceiling in benchmarks.
 */
@Controller("/health")
public final class HealthController {
  private static final Map<String, String> UP = Map.of("status", "UP");

  @Get(produces = MediaType.APPLICATION_JSON)
  public Map<String, String> health() {
    return UP;
  }
}
