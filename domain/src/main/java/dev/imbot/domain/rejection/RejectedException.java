package dev.imbot.domain.rejection;

import java.util.Objects;

/**
 * Thrown when a request breaks a rule of the contract. It carries a {@link Rejection} (a reason
 * from a closed set), and its message is the Bitrix24 error text, so an embedder can show it as is.
 */
public final class RejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Rejection rejection;

  public RejectedException(Rejection rejection) {
    super(describe(rejection), null, false, false);
    this.rejection = rejection;
  }

  private static String describe(Rejection rejection) {
    BitrixError error = Objects.requireNonNull(rejection, "rejection").error();
    return error.code() + ": " + error.description();
  }

  /** Why the request was refused. */
  public Rejection rejection() {
    return rejection;
  }

  /** Shorthand for {@code rejection().reason()}. */
  public RejectionReason reason() {
    return rejection.reason();
  }
}
