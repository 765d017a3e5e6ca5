package dev.imbot.application.port.in.delivery;

/** Use case (operator): replays all the dead deliveries of a filter at once. Audited. */
public interface ReplayDeadDeliveriesUseCase {

  /** Answers how many were replayed (none when none matched). */
  int replayDead(ReplayDeadDeliveriesCommand command);
}
