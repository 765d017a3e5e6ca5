package dev.imbot.bootstrap;

import dev.imbot.application.port.in.audit.PruneAuditTrailUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prunes the audit trail to its retention period ({@code imbot.audit.retention-days}) hourly. */
@Singleton
public final class AuditRetention {
  private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

  private final PruneAuditTrailUseCase prune;

  public AuditRetention(PruneAuditTrailUseCase prune) {
    this.prune = prune;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "1m")
  void prune() {
    try {
      int deleted = prune.prune();
      if (deleted > 0) {
        LOG.info("audit trail: {} entries past the retention period deleted", deleted);
      }
    } catch (RuntimeException e) {
      LOG.warn("audit trail not pruned, trying again in an hour: {}", e.toString());
    }
  }
}
