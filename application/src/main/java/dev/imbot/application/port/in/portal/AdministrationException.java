package dev.imbot.application.port.in.portal;

import java.util.Objects;

/** An operator's request the administration use cases refuse: not found, conflicting, invalid. */
public final class AdministrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID
  }

  private final Kind kind;

  public AdministrationException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
