package dev.imbot.adapter.rest.ops;

import dev.imbot.application.port.in.health.CheckReadinessUseCase;
import dev.imbot.application.port.in.health.Readiness;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * Readiness at {@code /health/ready}: {@code 200 UP} when the database answers, {@code 503 DOWN}
 * when it does not (within the pool's connection timeout), for load balancers and orchestrators.
 * {@code /health} stays liveness and never touches the database.
 */
@Controller("/health/ready")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ReadinessController {
  private final CheckReadinessUseCase readiness;

  public ReadinessController(CheckReadinessUseCase readiness) {
    this.readiness = readiness;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Map<String, String>> ready() {
    if (readiness.check() == Readiness.READY) {
      return HttpResponse.ok(Map.of("status", "UP"));
    }
    return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(Map.of("status", "DOWN", "database", "unreachable"));
  }
}
