package dev.imbot.domain.audit;

import java.util.List;

/**
 * A page of entries, newest first, and how many match in all.
 *
 * @param next the offset of the next page, null when this is the last
 */
public record AuditPage(List<AuditEntry> entries, long total, Integer next) {

  public AuditPage {
    entries = List.copyOf(entries);
  }
}
