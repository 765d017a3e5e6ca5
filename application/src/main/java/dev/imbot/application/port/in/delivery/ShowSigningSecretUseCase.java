package dev.imbot.application.port.in.delivery;

import dev.imbot.domain.delivery.SigningKeys;

/**
 * Use case (operator): the secrets an application's deliveries are signed with (made on first use),
 * so its handler can verify them.
 */
public interface ShowSigningSecretUseCase {

  /**
   * @throws dev.imbot.application.port.in.portal.AdministrationException {@code NOT_FOUND} for an
   *     application the registry does not know (not registered, no handler bound, no delivery)
   */
  SigningKeys show(SigningSecretQuery query);
}
