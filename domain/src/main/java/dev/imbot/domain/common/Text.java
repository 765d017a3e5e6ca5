package dev.imbot.domain.common;

/** Small string rules shared by the value objects: blankness and length in characters. */
public final class Text {
  private Text() {}

  public static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Length in Unicode code points, which is what a user counts as characters. */
  public static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /** Null for a blank value, the trimmed value otherwise. */
  public static String trimToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
