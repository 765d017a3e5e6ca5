package dev.imbot.domain.rejection;

import java.util.Optional;

/**
 * A refused request: a reason from its context's closed set, plus what the reason needs to be
 * stated, and the Bitrix24 error (code and text) it answers with. Each context implements it with a
 * record of its own; the HTTP status is the REST adapter's business.
 */
public interface Rejection {

  /** Why the request was refused. */
  RejectionReason reason();

  /** The Bitrix24 {@code error} code and {@code error_description} text, word for word. */
  BitrixError error();

  /** This rejection as an exception, for the caller to throw. */
  default RejectedException toException() {
    return new RejectedException(this);
  }

  /** Throws the rejection a policy found, if it found one. */
  static void raiseIfPresent(Optional<? extends Rejection> rejection) {
    if (rejection.isPresent()) {
      throw rejection.get().toException();
    }
  }
}
