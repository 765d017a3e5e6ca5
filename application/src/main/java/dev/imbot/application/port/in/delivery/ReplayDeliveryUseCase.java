package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.DeliveryRecord;

/**
 * Use case (operator): replays one delivery that is dead (or delivered, for a handler that lost
 * it): pending again at once, a new series of attempts, the same {@code webhook-id}. Audited.
 */
public interface ReplayDeliveryUseCase {

  /**
   * Answers the delivery as it stands after the replay.
   *
   * @throws dev.imbot.application.port.in.portal.AdministrationException {@code NOT_FOUND} for an
   *     unknown id, {@code CONFLICT} for a pending delivery (its attempts go on)
   */
  DeliveryRecord replay(ReplayDeliveryCommand command);
}
