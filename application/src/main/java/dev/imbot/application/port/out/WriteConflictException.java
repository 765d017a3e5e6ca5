package dev.imbot.application.port.out;

/**
 * Thrown by an outgoing port when a write collides with a concurrent one (for example a unique
 * constraint another instance won). The unit of work is rolled back; services retry it.
 */
public class WriteConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WriteConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
