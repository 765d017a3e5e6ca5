package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.SigningKeys;

/**
 * Use case (operator): a new signing secret for an application; the old one keeps signing beside it
 * for 24 hours, so its handler can switch without losing a delivery. Audited (never the secret).
 */
public interface RotateSigningSecretUseCase {

  /**
   * @throws dev.imbot.application.port.in.portal.AdministrationException {@code NOT_FOUND} for an
   *     application the registry does not know
   */
  SigningKeys rotate(RotateSigningSecretCommand command);
}
