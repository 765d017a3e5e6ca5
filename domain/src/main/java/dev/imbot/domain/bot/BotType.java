package dev.imbot.domain.bot;

import java.util.Locale;

/** The kind of a bot, with its one-letter wire code. Unknown letters are read as {@link #BOT}. */
public enum BotType {
  /** Ordinary bot: in group chats addressed only when mentioned. */
  BOT("B"),
  /** Open Lines bot; forces Open Lines support on. */
  OPEN_LINES("O"),
  /** "Human" bot: like {@link #BOT} but shows "typing…" before answering. */
  HUMAN("H"),
  /** Supervisor: receives every message of the chats it belongs to. */
  SUPERVISOR("S");

  private final String letter;

  BotType(String letter) {
    this.letter = letter;
  }

  /** The wire letter: B, O, H or S. */
  public String letter() {
    return letter;
  }

  /**
   * Reads a wire value case-insensitively. Absent, blank and unknown values become {@link #BOT}, as
   * Bitrix24 does (contract decision 6).
   */
  public static BotType fromWire(String value) {
    if (value == null) {
      return BOT;
    }
    String letter = value.trim().toUpperCase(Locale.ROOT);
    for (BotType type : values()) {
      if (type.letter.equals(letter)) {
        return type;
      }
    }
    return BOT;
  }

  /**
   * Whether a bot of this type hears message edits and deletions (its update/delete handlers are
   * bound at registration): supervisors and Open Lines bots, or any bot with Open Lines support.
   */
  public boolean hearsMessageEdits(boolean openLines) {
    return this == SUPERVISOR || this == OPEN_LINES || openLines;
  }

  /** Whether {@code value} names a type exactly (so callers can log the fallback). */
  public static boolean isKnown(String value) {
    return value != null && fromWire(value).letter.equalsIgnoreCase(value.trim());
  }
}
