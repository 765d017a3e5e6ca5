package dev.imbot.adapter.rest;

import dev.imbot.adapter.rest.wire.WireParameters;
import dev.imbot.application.port.in.portal.Caller;
import dev.imbot.domain.portal.ApplicationKey;

/**
 * One method call as a Bitrix REST method sees it: who calls, and the parameters without the
 * transport's reserved names.
 */
public record BitrixCall(Caller caller, WireParameters parameters) {

  /**
   * The application the call acts for: the token's application, or {@code custom<CLIENT_ID>} for a
   * webhook call (no {@code CLIENT_ID}: {@code 403 ACCESS_DENIED}).
   */
  public ApplicationKey application() {
    if (caller instanceof Caller.Application application) {
      return application.application();
    }
    return ApplicationKey.fromClientId(parameters.text("CLIENT_ID"));
  }
}
