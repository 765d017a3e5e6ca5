package dev.imbot.application.port.in.health;

/**
 * Use case: is the service ready to take calls, that is, can it reach its database? For load
 * balancers and orchestrators; liveness needs no use case.
 */
public interface CheckReadinessUseCase {

  Readiness check();
}
