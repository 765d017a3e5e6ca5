package dev.imbot.domain.portal;

import java.util.Locale;
import java.util.Optional;

/**
 * A portal user's (a person's or a bot's) gender as Bitrix24 stores it: {@code M} or {@code F};
 * absent when not given.
 */
public enum Gender {
  MALE("M"),
  FEMALE("F");

  private final String letter;

  Gender(String letter) {
    this.letter = letter;
  }

  /** The wire letter, {@code M} or {@code F}. */
  public String letter() {
    return letter;
  }

  /** Reads {@code M} or {@code F}, case-insensitively; empty for anything else. */
  public static Optional<Gender> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String upper = value.trim().toUpperCase(Locale.ROOT);
    for (Gender gender : values()) {
      if (gender.letter.equals(upper)) {
        return Optional.of(gender);
      }
    }
    return Optional.empty();
  }
}
