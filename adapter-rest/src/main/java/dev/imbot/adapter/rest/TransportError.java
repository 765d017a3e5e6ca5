package dev.imbot.adapter.rest;

/**
 * An error of the transport itself (not of a method's rules): unknown method, malformed request,
 * batch errors. Answered with its status, code and text like any Bitrix error.
 */
public final class TransportError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public TransportError(int status, String code, String description) {
    super(description, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static TransportError methodNotFound() {
    return new TransportError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
  }

  public static TransportError invalidRequest(String description) {
    return new TransportError(400, "INVALID_REQUEST", description);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String description() {
    return getMessage();
  }
}
