package dev.imbot.domain.bot;

import dev.imbot.domain.portal.UserId;

/**
 * A bot's id. Bots are portal users, so the id comes from the users' id space and never equals a
 * human user's id. Always positive.
 */
public record BotId(long value) implements Comparable<BotId> {

  public BotId {
    if (value <= 0) {
      throw new IllegalArgumentException("BOT_ID must be positive, was " + value);
    }
  }

  public static BotId of(long value) {
    return new BotId(value);
  }

  /** The bot of a user id the users' id space gave out for it. */
  public static BotId of(UserId user) {
    return new BotId(user.value());
  }

  /** The bot's id as a portal user: the same number. */
  public UserId userId() {
    return new UserId(value);
  }

  /**
   * Reads {@code BOT_ID} from the wire. Missing, non-numeric or non-positive ids are refused as
   * {@link BotRejectionReason#BOT_NOT_FOUND}, as Bitrix24 does.
   */
  public static BotId parse(String raw) {
    if (raw == null) {
      throw BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException();
    }
    String trimmed = raw.trim();
    if (trimmed.isEmpty()
        || trimmed.length() > 18
        || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException();
    }
    long value = Long.parseLong(trimmed);
    if (value <= 0) {
      throw BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException();
    }
    return new BotId(value);
  }

  @Override
  public int compareTo(BotId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
