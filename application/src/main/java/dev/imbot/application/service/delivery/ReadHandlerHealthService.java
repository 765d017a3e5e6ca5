package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.ReadHandlerHealthQuery;
import dev.imbot.application.port.in.delivery.ReadHandlerHealthUseCase;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.domain.delivery.HandlerHealth;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Service: each handler's last hour, judged failing after as many failures in a row as make the
 * delivery worker treat a host as failing ({@code imbot.delivery.failing-after}).
 */
public final class ReadHandlerHealthService implements ReadHandlerHealthUseCase {
  private final DeliveryLog log;
  private final Clock clock;
  private final int failingAfter;

  public ReadHandlerHealthService(DeliveryLog log, Clock clock, int failingAfter) {
    if (failingAfter < 1) {
      throw new IllegalArgumentException("failingAfter is positive");
    }
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.failingAfter = failingAfter;
  }

  @Override
  public List<HandlerHealth> health(ReadHandlerHealthQuery query) {
    Instant now = clock.instant();
    return log.activity(HandlerHealth.windowStart(now), query.application()).stream()
        .map(activity -> HandlerHealth.judge(activity, failingAfter, now))
        .toList();
  }
}
