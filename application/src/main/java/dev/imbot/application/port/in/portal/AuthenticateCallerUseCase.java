package dev.imbot.application.port.in.portal;

import dev.imbot.domain.rejection.RejectedException;

/** Use case: turn a call's credentials into a {@link Caller}. */
public interface AuthenticateCallerUseCase {

  /**
   * @throws RejectedException {@code WRONG_AUTHORIZATION} for unknown or missing credentials,
   *     {@code ACCESS_TOKEN_EXPIRED} for an expired token
   */
  Caller authenticate(Credentials credentials);
}
