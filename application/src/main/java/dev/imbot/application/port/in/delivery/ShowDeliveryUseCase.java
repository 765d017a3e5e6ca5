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
   * Result: the delivery and its body as stored, with {@code ts} of the last attempt (of now when
   * none was made); what each attempt adds with tokens minted then is not stored.
   */
  record ShownDelivery(DeliveryDetails details, FormFields body) {
    public ShownDelivery {
      Objects.requireNonNull(details, "details");
      Objects.requireNonNull(body, "body");
    }
  }
}
