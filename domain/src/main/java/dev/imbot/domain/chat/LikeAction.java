package dev.imbot.domain.chat;

import java.util.Locale;

/** {@code ACTION} of a like: toggle, set or unset. */
public enum LikeAction {
  AUTO,
  PLUS,
  MINUS;

  /** Reads {@code ACTION} lower-cased; anything unknown or absent is {@link #AUTO}. */
  public static LikeAction fromWire(String value) {
    if (value == null) {
      return AUTO;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "plus" -> PLUS;
      case "minus" -> MINUS;
      default -> AUTO;
    };
  }
}
