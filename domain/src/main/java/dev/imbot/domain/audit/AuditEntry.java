package dev.imbot.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change: when, what, who, and what it concerned. Never holds a secret: {@code
 * details} names which fields or secrets changed, never their values.
 *
 * @param id the entry's number, 0 before it is stored
 * @param botId the bot concerned, if any
 * @param application the application concerned ({@code custom<CLIENT_ID>} or a client id), if any
 * @param subject what else the change concerned ({@code webhook 3}, {@code person 7}), if anything
 * @param details what changed, in words (field names, counts), if more than the action says
 */
public record AuditEntry(
    long id,
    Instant at,
    AuditAction action,
    Actor actor,
    Long botId,
    String application,
    String subject,
    String details) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
  }
}
