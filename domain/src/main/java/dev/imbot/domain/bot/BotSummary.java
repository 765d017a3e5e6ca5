package dev.imbot.domain.bot;

import dev.imbot.domain.portal.ApplicationKey;
import java.util.Objects;

/**
 * A bot as {@code imbot.bot.list}, the registration policies and message routing see it: who it is,
 * whose it is, its code, its type, its full name and Open Lines flag, without the profile details
 * or the avatar. Reading summaries instead of whole bots spares storage the columns, and the domain
 * the checks, that a list or a lock never looks at.
 */
public record BotSummary(
    BotId id,
    ApplicationKey application,
    BotCode code,
    BotType type,
    String fullName,
    boolean openLines) {

  public BotSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fullName, "fullName");
  }

  /** The summary of a stored name pair: see {@link BotProfile#fullName(String, String)}. */
  public static BotSummary of(
      BotId id,
      ApplicationKey application,
      BotCode code,
      BotType type,
      String name,
      String lastName,
      boolean openLines) {
    return new BotSummary(
        id, application, code, type, BotProfile.fullName(name, lastName), openLines);
  }
}
