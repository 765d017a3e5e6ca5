package dev.imbot.domain.limit;

/** Whether a request may go on, or is refused because its caller's bucket is full. */
public enum Admission {
  ADMITTED,
  REFUSED
}
