package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.ShowDeliveryQuery;
import dev.imbot.application.port.in.delivery.ShowDeliveryUseCase;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Service: one delivery with its attempt log and its stored body. */
public final class ShowDeliveryService implements ShowDeliveryUseCase {
  private final DeliveryLog log;
  private final Clock clock;

  public ShowDeliveryService(DeliveryLog log, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<ShownDelivery> show(ShowDeliveryQuery query) {
    return log.details(query.deliveryId())
        .map(details -> new ShownDelivery(details, details.body(clock.instant())));
  }
}
