package dev.imbot.application.port.in.health;

/** The answer of {@link CheckReadinessUseCase}. */
public enum Readiness {
  READY,
  DATABASE_UNREACHABLE
}
