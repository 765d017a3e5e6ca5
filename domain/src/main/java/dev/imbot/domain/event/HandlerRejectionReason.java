package dev.imbot.domain.event;

import dev.imbot.domain.rejection.RejectionReason;

/** Why an event handler was refused: a closed set. */
public enum HandlerRejectionReason implements RejectionReason {
  /** A required handler is missing. */
  HANDLER_NOT_SPECIFIED,
  /** A handler URL does not parse or breaks the URL rule. */
  HANDLER_URL_INVALID,
  /** A handler URL with a scheme other than http or https. */
  HANDLER_PROTOCOL_UNSUPPORTED
}
