package dev.imbot.application.service.audit;

import dev.imbot.application.port.in.audit.PruneAuditTrailUseCase;
import dev.imbot.application.port.out.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;

/** Service: keeps the audit trail to its retention period (90 days by default). */
public final class PruneAuditTrailService implements PruneAuditTrailUseCase {
  private final AuditTrail trail;
  private final Clock clock;
  private final Duration retention;

  public PruneAuditTrailService(AuditTrail trail, Clock clock, Duration retention) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the audit retention must be positive");
    }
    this.trail = trail;
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public int prune() {
    return trail.deleteBefore(clock.instant().minus(retention));
  }
}
