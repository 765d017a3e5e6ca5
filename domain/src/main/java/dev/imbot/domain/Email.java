package dev.imbot.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid e-mail address of at most 255 characters. Two addresses are the same
 * mailbox when their {@link #normalized()} forms are equal (case is ignored).
 */
public record Email(String value) {
  public static final int MAX_LENGTH = 255;

  // Pragmatic address syntax: dot-atom local part, and a domain of dot-separated DNS labels.
  private static final Pattern SYNTAX =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

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
    return value.length() <= MAX_LENGTH
        && value.indexOf('@') <= 64
        && SYNTAX.matcher(value).matches();
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
