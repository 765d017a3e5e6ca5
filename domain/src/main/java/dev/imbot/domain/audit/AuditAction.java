package dev.imbot.domain.audit;

import java.util.Locale;

/**
 * What changed in the registry, one constant per kind of change: a new kind is one more constant
 * here and one {@code record} call where the change is made.
 */
public enum AuditAction {
  BOT_REGISTERED,
  /** A re-registration of a known code: the bot stays, the application's handlers are re-bound. */
  BOT_HANDLERS_REBOUND,
  BOT_UPDATED,
  BOT_UNREGISTERED,
  APPLICATION_CREATED,
  /** The operator registered a known client id again: its access token was replaced. */
  APPLICATION_TOKEN_REPLACED,
  APPLICATION_REMOVED,
  /** The operator sent an application's {@code ONAPPINSTALL} again (its bots and tokens stay). */
  APPLICATION_REINSTALLED,
  WEBHOOK_CREATED,
  WEBHOOK_DELETED,
  PERSON_ADDED,
  PERSON_REMOVED,
  COMMAND_REGISTERED,
  /** A command registered again: it stays, the application's command handler is re-bound. */
  COMMAND_HANDLER_REBOUND,
  COMMAND_UPDATED,
  COMMAND_UNREGISTERED,
  /** The operator gave an application a new webhook signing secret (never the secret itself). */
  APPLICATION_SIGNING_SECRET_ROTATED,
  /** The operator replayed deliveries: one, or the dead ones of a filter (how many in details). */
  DELIVERY_REPLAYED;

  /** The name in the admin API: {@code bot.registered}, {@code webhook.deleted}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
  }

  /** The action of a wire name, or null for none. */
  public static AuditAction fromWireName(String name) {
    for (AuditAction action : values()) {
      if (action.wireName().equals(name)) {
        return action;
      }
    }
    return null;
  }
}
