package dev.imbot.domain.bot;

import java.util.Objects;

/**
 * A bot as {@code imbot.bot.list} shows it: id, code, full name and Open Lines, and nothing the
 * list does not show (a store reads fewer columns for it than for a {@link BotSummary}).
 */
public record BotListing(BotId id, BotCode code, String fullName, boolean openLines) {

  public BotListing {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(fullName, "fullName");
  }

  /** The listing of a stored name pair: see {@link BotProfile#fullName(String, String)}. */
  public static BotListing of(
      BotId id, BotCode code, String name, String lastName, boolean openLines) {
    return new BotListing(id, code, BotProfile.fullName(name, lastName), openLines);
  }

  /** What the list shows of {@code summary}. */
  public static BotListing of(BotSummary summary) {
    return new BotListing(summary.id(), summary.code(), summary.fullName(), summary.openLines());
  }
}
