package dev.imbot.domain;

/** Small string rules shared by the value objects: blankness and length in characters. */
final class Text {
  private Text() {}

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Length in Unicode code points, which is what a user counts as characters. */
  static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /** Null for a blank value, the trimmed value otherwise. */
  static String trimToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
