package dev.imbot.application.service.audit;

import dev.imbot.application.port.in.audit.ReadAuditTrailQuery;
import dev.imbot.application.port.in.audit.ReadAuditTrailUseCase;
import dev.imbot.application.port.out.audit.AuditTrail;
import dev.imbot.domain.audit.AuditPage;

/** Service: pages of the audit trail. */
public final class ReadAuditTrailService implements ReadAuditTrailUseCase {
  private final AuditTrail trail;

  public ReadAuditTrailService(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public AuditPage read(ReadAuditTrailQuery query) {
    return trail.find(query.filter(), query.start(), PAGE_SIZE);
  }
}
