package dev.imbot.application.port.in.portal;

import java.util.Objects;

/** A refused {@code /oauth/token/} request, with the OAuth server's error code and text. */
public final class OAuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The OAuth server's error codes. */
  public enum Error {
    /** Missing or unsupported parameters. */
    INVALID_REQUEST("invalid_request"),
    /** Unknown client, or a wrong client secret. */
    INVALID_CLIENT("invalid_client"),
    /** Unknown, spent, expired or foreign refresh token. */
    INVALID_GRANT("invalid_grant");

    private final String code;

    Error(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Error error;
  private final boolean wrongSecret;

  public OAuthException(Error error, String description, boolean wrongSecret) {
    super(description, null, false, false);
    this.error = Objects.requireNonNull(error, "error");
    this.wrongSecret = wrongSecret;
  }

  public Error error() {
    return error;
  }

  /** Whether the client was refused for a wrong secret (answered with 401, the rest with 400). */
  public boolean wrongSecret() {
    return wrongSecret;
  }
}
