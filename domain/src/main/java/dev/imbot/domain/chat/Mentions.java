package dev.imbot.domain.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [USER=<id>]name[/USER]} mentions of a text, exactly as Bitrix24 reads them: detection
 * is case-insensitive and allows an empty name; stripping is case-sensitive, needs a name, and eats
 * one comma right after the closing tag. The two differ on purpose: handlers see the same quirks.
 */
public final class Mentions {
  private static final Pattern DETECT =
      Pattern.compile("\\[USER=([0-9]+)\\](.*?)\\[/USER\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern STRIP =
      Pattern.compile("\\[(?<tag>USER)=\\d+\\].+?\\[/\\k<tag>\\],?");

  private Mentions() {}

  /** The mentioned ids in text order, repeats kept. */
  public static List<Long> ids(String text) {
    List<Long> ids = new ArrayList<>();
    Matcher m = DETECT.matcher(text);
    while (m.find()) {
      String digits = m.group(1);
      if (digits.length() <= 18) {
        ids.add(Long.parseLong(digits));
      }
    }
    return ids;
  }

  /** The first mention's id, 0 when there is none ({@code TO_USER_ID} in a chat). */
  public static long first(String text) {
    List<Long> ids = ids(text);
    return ids.isEmpty() ? 0 : ids.get(0);
  }

  /** The text without mentions, trimmed ({@code MESSAGE} in a chat). */
  public static String stripped(String text) {
    return phpTrim(STRIP.matcher(text).replaceAll(""));
  }

  /** PHP's {@code trim}: spaces, tabs, new lines, carriage returns, NUL and vertical tabs. */
  static String phpTrim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPhpBlank(s.charAt(start))) {
      start++;
    }
    while (end > start && isPhpBlank(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isPhpBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\u000B';
  }
}
