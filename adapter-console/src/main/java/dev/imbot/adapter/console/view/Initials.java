package dev.imbot.adapter.console.view;

import java.util.Locale;

/** View model: the letters shown on a bot's colour when it has no avatar. */
public final class Initials {
  private Initials() {}

  /**
   * The first letter of the first two words of {@code fullName}, upper-cased ("New Bot" gives "NB",
   * "echo" gives "E"); letters outside the Basic Multilingual Plane are kept whole; "?" for a name
   * with no letter or digit.
   */
  public static String of(String fullName) {
    StringBuilder initials = new StringBuilder();
    if (fullName != null) {
      for (String word : fullName.strip().split("\\s+")) {
        if (initials.codePointCount(0, initials.length()) == 2) {
          break;
        }
        word.codePoints()
            .filter(Character::isLetterOrDigit)
            .findFirst()
            .ifPresent(initials::appendCodePoint);
      }
    }
    return initials.isEmpty() ? "?" : initials.toString().toUpperCase(Locale.ROOT);
  }
}
