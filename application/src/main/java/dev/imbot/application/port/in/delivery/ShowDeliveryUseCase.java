package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.DeliveryDetails;
import dev.imbot.domain.delivery.FormFields;
import java.util.Objects;
import java.util.Optional;

/** Use case (operator): one delivery with its attempt log and its body. */
public interface ShowDeliveryUseCase {

  /** The delivery, or empty when there is none with that id (never was, or pruned). */
  Optional<ShownDelivery> show(ShowDeliveryQuery query);

  /**
   * Result: the delivery and its body as the last attempt sent it (as an attempt now would when
   * none was made), its secrets hidden.
   */
  record ShownDelivery(DeliveryDetails details, FormFields body) {
    public ShownDelivery {
      Objects.requireNonNull(details, "details");
      Objects.requireNonNull(body, "body");
    }
  }
}
