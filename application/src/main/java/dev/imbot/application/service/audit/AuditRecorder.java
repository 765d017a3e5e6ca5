package dev.imbot.application.service.audit;

import dev.imbot.application.port.in.audit.ActingAs;
import dev.imbot.application.port.out.audit.AuditTrail;
import dev.imbot.domain.audit.Actor;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.audit.AuditEntry;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Records registry changes in the audit trail, naming the actor the driving adapter set with {@link
 * #run} (the service itself when none is set). The services call {@link #record} inside their unit
 * of work, so the entry commits or rolls back with the change.
 */
public final class AuditRecorder implements ActingAs {
  private static final ThreadLocal<Actor> ACTOR = new ThreadLocal<>();

  private final AuditTrail trail;
  private final Clock clock;

  public AuditRecorder(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  /** A recorder that keeps nothing, for services wired without an audit trail. */
  public static AuditRecorder none() {
    return new AuditRecorder(null, Clock.systemUTC());
  }

  @Override
  public <T> T run(Actor actor, Supplier<T> work) {
    Actor outer = ACTOR.get();
    ACTOR.set(actor);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        ACTOR.remove();
      } else {
        ACTOR.set(outer);
      }
    }
  }

  /**
   * Records one change.
   *
   * @param bot the bot concerned, or null
   * @param application the application concerned, or null
   * @param subject what else it concerned ({@code webhook 3}), or null
   * @param details what changed, never a secret's value, or null
   */
  public void record(
      AuditAction action, BotId bot, ApplicationKey application, String subject, String details) {
    if (trail == null) {
      return;
    }
    Actor actor = ACTOR.get();
    trail.append(
        new AuditEntry(
            0,
            clock.instant(),
            action,
            actor == null ? Actor.system() : actor,
            bot == null ? null : bot.value(),
            application == null ? null : application.value(),
            subject,
            details));
  }
}
