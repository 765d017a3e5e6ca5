package dev.imbot.domain.audit;

import java.time.Instant;

/**
 * Which entries to read; every criterion is optional (null) and they combine with AND.
 *
 * @param actorKind the kind of actor
 * @param actorUserId the acting portal user
 * @param actorApplication the acting application
 * @param from entries at or after this instant
 * @param to entries before this instant
 */
public record AuditFilter(
    Long botId,
    String application,
    Actor.Kind actorKind,
    Long actorUserId,
    String actorApplication,
    AuditAction action,
    Instant from,
    Instant to) {

  /** No criterion: every entry. */
  public static AuditFilter all() {
    return new AuditFilter(null, null, null, null, null, null, null, null);
  }
}
