package dev.imbot.application.port.out.audit;

import dev.imbot.domain.audit.AuditEntry;
import dev.imbot.domain.audit.AuditFilter;
import dev.imbot.domain.audit.AuditPage;
import java.time.Instant;

/**
 * Outgoing port: the stored audit trail. {@link #append} joins the caller's unit of work, so an
 * entry stays exactly when the change it records does.
 */
public interface AuditTrail {

  void append(AuditEntry entry);

  /** The matching entries, newest first, {@code limit} from {@code offset}. */
  AuditPage find(AuditFilter filter, int offset, int limit);

  /** Deletes the entries older than {@code cutoff}; how many went. */
  int deleteBefore(Instant cutoff);
}
