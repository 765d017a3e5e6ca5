package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.HandlerHealth;
import java.util.List;

/**
 * Use case (operator): per handler URL, the last hour's success rate, p50/p99 latency, failures in
 * a row, state (ok or failing) and attempts minute by minute; ordered by URL.
 */
public interface ReadHandlerHealthUseCase {

  List<HandlerHealth> health(ReadHandlerHealthQuery query);
}
