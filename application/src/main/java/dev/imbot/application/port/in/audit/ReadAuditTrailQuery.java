package dev.imbot.application.port.in.audit;

import dev.imbot.domain.audit.AuditFilter;
import java.util.Objects;

/**
 * Query: the entries {@code filter} matches, from offset {@code start}.
 *
 * @param start the offset of the page, 0 for the newest
 */
public record ReadAuditTrailQuery(AuditFilter filter, int start) {

  public ReadAuditTrailQuery {
    Objects.requireNonNull(filter, "filter");
    if (start < 0) {
      throw new IllegalArgumentException("start must not be negative");
    }
  }
}
