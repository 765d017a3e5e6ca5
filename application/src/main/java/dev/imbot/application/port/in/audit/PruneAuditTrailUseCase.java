package dev.imbot.application.port.in.audit;

/** Use case: deletes the entries older than the retention period; how many went. */
public interface PruneAuditTrailUseCase {

  int prune();
}
