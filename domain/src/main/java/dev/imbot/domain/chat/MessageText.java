package dev.imbot.domain.chat;

/**
 * A message's text rule: BB-code kept verbatim, at most {@value #MAX_LENGTH} characters; longer
 * text is cut and ends with {@value #CUT_MARK}, as Bitrix24 does.
 */
public final class MessageText {
  /** The longest text a message keeps, in UTF-16 characters, mark included. */
  public static final int MAX_LENGTH = 20_000;

  /** What ends a text that was cut. */
  public static final String CUT_MARK = " (...)";

  private MessageText() {}

  /** The text as stored: unchanged when short enough, else cut and marked. */
  public static String fitted(String text) {
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH - CUT_MARK.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return text.substring(0, end) + CUT_MARK;
  }
}
