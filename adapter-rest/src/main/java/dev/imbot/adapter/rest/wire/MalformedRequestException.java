package dev.imbot.adapter.rest.wire;

/** A request body or query the decoder cannot read: answered {@code 400 INVALID_REQUEST}. */
public final class MalformedRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedRequestException(String message) {
    super(message, null, false, false);
  }
}
