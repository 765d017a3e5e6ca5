package dev.imbot.application.port.in.audit;

import dev.imbot.domain.audit.AuditPage;

/** Use case: the operator reads the audit trail, filtered, newest first, a page at a time. */
public interface ReadAuditTrailUseCase {
  /** Entries per page. */
  int PAGE_SIZE = 50;

  AuditPage read(ReadAuditTrailQuery query);
}
