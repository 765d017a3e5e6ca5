package dev.imbot.domain.rejection;

/** Reasons shared by every context: a request field that breaks its rule. */
public enum RequestRejectionReason implements RejectionReason {
  /** A field is invalid; {@link InvalidField} names it and its rule. */
  FIELD_INVALID
}
