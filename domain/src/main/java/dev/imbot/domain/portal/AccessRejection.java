package dev.imbot.domain.portal;

import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import java.util.Objects;

/**
 * A refused caller: who is calling, or for which application, could not be established.
 *
 * @param reason why the caller was refused
 */
public record AccessRejection(AccessRejectionReason reason) implements Rejection {

  public AccessRejection {
    Objects.requireNonNull(reason, "reason");
  }

  public static AccessRejection of(AccessRejectionReason reason) {
    return new AccessRejection(reason);
  }

  @Override
  public BitrixError error() {
    return switch (reason) {
      case CLIENT_ID_NOT_SPECIFIED ->
          new BitrixError("ACCESS_DENIED", "Access denied! Client ID not specified");
      case WRONG_AUTHORIZATION -> new BitrixError("NO_AUTH_FOUND", "Wrong authorization data");
      case ACCESS_TOKEN_EXPIRED ->
          new BitrixError("expired_token", "The access token provided has expired.");
    };
  }
}
