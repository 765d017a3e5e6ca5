package dev.imbot.domain.portal;

import java.util.Locale;

/**
 * A syntactically valid e-mail address of at most 255 characters. Two addresses are the same
 * mailbox when their {@link #normalized()} forms are equal (case is ignored).
 */
public record Email(String value) {
  public static final int MAX_LENGTH = 255;

  /**
   * Pragmatic address syntax: a dot-atom local part, {@code @}, and a domain of at least two
   * dot-separated DNS labels. As a regular expression:
   *
   * <pre>{@code
   * [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*
   * @[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+
   * }</pre>
   *
   * checked by hand: every stored bot's address is checked again when a whole bot is read, and the
   * regular expression cost more than the rest of reading it.
   */
  private static final String ATEXT_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

  private static final int MAX_LABEL_LENGTH = 63;

  public Email {
    if (value == null || !isValid(value)) {
      throw new IllegalArgumentException("EMAIL must be a valid e-mail address");
    }
  }

  public static Email of(String value) {
    return new Email(value);
  }

  /** Whether {@code value} is an address this type accepts. */
  public static boolean isValid(String value) {
    int at = value.indexOf('@');
    return value.length() <= MAX_LENGTH
        && at > 0
        && at <= 64
        && isDotAtom(value, 0, at)
        && isDomain(value, at + 1, value.length());
  }

  /** {@code [atext]+(\.[atext]+)*} over {@code value[from, to)}. */
  private static boolean isDotAtom(String value, int from, int to) {
    boolean afterDot = true; // the first character may not be a dot either
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c == '.') {
        if (afterDot) {
          return false;
        }
        afterDot = true;
      } else if (isAlphanumeric(c) || ATEXT_SYMBOLS.indexOf(c) >= 0) {
        afterDot = false;
      } else {
        return false;
      }
    }
    return !afterDot;
  }

  /** Two or more dot-separated labels over {@code value[from, to)}. */
  private static boolean isDomain(String value, int from, int to) {
    int labels = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || value.charAt(i) == '.') {
        if (!isLabel(value, start, i)) {
          return false;
        }
        labels++;
        start = i + 1;
      }
    }
    return labels >= 2;
  }

  /** {@code [A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?} over {@code value[from, to)}. */
  private static boolean isLabel(String value, int from, int to) {
    int length = to - from;
    if (length < 1
        || length > MAX_LABEL_LENGTH
        || !isAlphanumeric(value.charAt(from))
        || !isAlphanumeric(value.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = value.charAt(i);
      if (!isAlphanumeric(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** The form used to compare addresses: lower case. */
  public String normalized() {
    return value.toLowerCase(Locale.ROOT);
  }

  /** Whether both name the same mailbox. */
  public boolean sameAddressAs(Email other) {
    return other != null && normalized().equals(other.normalized());
  }

  @Override
  public String toString() {
    return value;
  }
}
