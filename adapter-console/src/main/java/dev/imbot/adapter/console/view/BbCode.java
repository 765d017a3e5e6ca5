package dev.imbot.adapter.console.view;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * View model: a message's BB-code as HTML for the Chat page. Everything that is not a known,
 * well-formed tag is text, escaped: a message holding {@code <script>} shows those characters. A
 * tag whose closing tag is missing stays as typed. Links keep to http(s), mailto and root-relative
 * addresses; colours, sizes, images and icons are shown without their styling or pictures (the
 * console's content security policy loads nothing from elsewhere).
 */
public final class BbCode {
  private static final Pattern OPENING =
      Pattern.compile(
          "\\[(b|i|u|s|url|user|chat|send|put|quote|code|color|size|img|icon|context|call|br"
              + "|timestamp|disk)(?:=([^\\]]*))?\\]",
          Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> STYLES =
      Map.of("b", "strong", "i", "em", "u", "u", "s", "s");
  private static final Pattern SAFE_LINK =
      Pattern.compile("^(https?://|mailto:|/(?!/))\\S*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern WEB_LINK =
      Pattern.compile("^(https?://|/(?!/))\\S*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private BbCode() {}

  /** The text as safe HTML. */
  public static String toHtml(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder(text.length() + 16);
    renderLines(text.replace("\r\n", "\n").replace("#BR#", "\n"), html);
    return html.toString();
  }

  /** The text without its tags, for previews and titles (not HTML: escape it when shown). */
  public static String toPlainText(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("(?i)\\[/?[a-z]+(=[^\\]]*)?\\]", "").replace("#BR#", " ").strip();
  }

  /** Runs of lines starting with {@code >>} are a quotation; the rest is inline BB-code. */
  private static void renderLines(String text, StringBuilder html) {
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      boolean quoted = lines[i].startsWith(">>");
      StringBuilder run = new StringBuilder();
      int runStart = i;
      while (i < lines.length && lines[i].startsWith(">>") == quoted) {
        if (i > runStart) {
          run.append('\n');
        }
        run.append(quoted ? lines[i].substring(2).stripLeading() : lines[i]);
        i++;
      }
      if (quoted) {
        html.append("<blockquote>");
        inline(run.toString(), html);
        html.append("</blockquote>");
      } else {
        inline(run.toString(), html);
      }
    }
  }

  private static void inline(String text, StringBuilder html) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '[') {
        int next = tag(text, i, html);
        if (next > i) {
          i = next;
          continue;
        }
      }
      if (c == '\n') {
        html.append("<br>");
      } else {
        escape(c, html);
      }
      i++;
    }
  }

  /** Renders the tag at {@code start}; answers where the text goes on, or {@code start} if none. */
  private static int tag(String text, int start, StringBuilder html) {
    Matcher open = OPENING.matcher(text).region(start, text.length());
    if (!open.lookingAt()) {
      return start;
    }
    String name = open.group(1).toLowerCase(Locale.ROOT);
    String value = open.group(2) == null ? null : open.group(2).strip();
    int bodyStart = open.end();
    switch (name) {
      case "br":
        html.append("<br>");
        return bodyStart;
      case "timestamp":
        return timestamp(value, html) ? bodyStart : start;
      case "disk":
        html.append("<span class=\"bb-file\">[file]</span>");
        return bodyStart;
      case "icon":
        html.append("<span class=\"bb-icon\">[icon]</span>");
        return bodyStart;
      default:
        break;
    }
    int close = closing(text, name, bodyStart);
    if (close < 0) {
      return start;
    }
    String body = text.substring(bodyStart, close);
    int after = close + name.length() + 3;
    switch (name) {
      case "b", "i", "u", "s" -> {
        String element = STYLES.get(name);
        html.append('<').append(element).append('>');
        inline(body, html);
        html.append("</").append(element).append('>');
      }
      case "url" -> {
        String href = value == null || value.isEmpty() ? body.strip() : value;
        if (!SAFE_LINK.matcher(href).matches() || !parses(href)) {
          return start;
        }
        html.append("<a href=\"");
        escape(href, html);
        html.append("\" target=\"_blank\" rel=\"noopener noreferrer\">");
        if (value == null || value.isEmpty()) {
          escape(body.strip(), html);
        } else {
          inline(body, html);
        }
        html.append("</a>");
      }
      case "user" -> {
        String id = value == null ? "" : value.split("\\s+")[0];
        if (!NUMBER.matcher(id).matches() && !id.equalsIgnoreCase("all")) {
          return start;
        }
        html.append("<span class=\"mention\" data-user=\"");
        escape(id.toLowerCase(Locale.ROOT), html);
        html.append("\">");
        inline(body, html);
        html.append("</span>");
      }
      case "chat", "context", "call" -> {
        html.append("<span class=\"bb-").append(name).append("\">");
        inline(body, html);
        html.append("</span>");
      }
      case "send", "put" -> {
        String command = value == null || value.isEmpty() ? BbCode.toPlainText(body) : value;
        html.append("<button type=\"button\" class=\"bb-")
            .append(name)
            .append("\" data-")
            .append(name)
            .append("=\"");
        escape(command, html);
        html.append("\">");
        inline(body, html);
        html.append("</button>");
      }
      case "quote" -> {
        html.append("<blockquote>");
        inline(body, html);
        html.append("</blockquote>");
      }
      case "code" -> {
        html.append("<pre><code>");
        escape(body, html);
        html.append("</code></pre>");
      }
      case "img" -> {
        String src = body.strip();
        if (!isWebLink(src)) {
          return start;
        }
        html.append("<a class=\"bb-img\" href=\"");
        escape(src, html);
        html.append("\" target=\"_blank\" rel=\"noopener noreferrer\">image</a>");
      }
      default -> inline(body, html); // color, size: the text without its styling
    }
    return after;
  }

  /** Where the matching {@code [/name]} starts, counting nested tags of the same name; or -1. */
  private static int closing(String text, String name, int from) {
    String lower = text.toLowerCase(Locale.ROOT);
    String open = "[" + name;
    String close = "[/" + name + "]";
    int depth = 1;
    int i = from;
    while (i < lower.length()) {
      int nextClose = lower.indexOf(close, i);
      if (nextClose < 0) {
        return -1;
      }
      int nextOpen = lower.indexOf(open, i);
      while (nextOpen >= 0 && nextOpen < nextClose && !opensTag(lower, nextOpen + open.length())) {
        nextOpen = lower.indexOf(open, nextOpen + 1);
      }
      if (nextOpen >= 0 && nextOpen < nextClose && !name.equals("code")) {
        depth++;
        i = nextOpen + open.length();
      } else {
        depth--;
        if (depth == 0) {
          return nextClose;
        }
        i = nextClose + close.length();
      }
    }
    return -1;
  }

  private static boolean opensTag(String lower, int afterName) {
    return afterName < lower.length()
        && (lower.charAt(afterName) == ']' || lower.charAt(afterName) == '=');
  }

  private static boolean timestamp(String value, StringBuilder html) {
    String seconds = value == null ? "" : value.split("\\s+")[0];
    if (!NUMBER.matcher(seconds).matches()) {
      return false;
    }
    html.append("<time>")
        .append(TIMESTAMP.format(Instant.ofEpochSecond(Long.parseLong(seconds))))
        .append(" UTC</time>");
    return true;
  }

  /** Whether {@code link} is an absolute http(s) or a root-relative address the page may link. */
  static boolean isWebLink(String link) {
    return link != null && WEB_LINK.matcher(link).matches() && parses(link);
  }

  private static boolean parses(String link) {
    try {
      URI.create(link);
      return true;
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }

  static void escape(String text, StringBuilder html) {
    for (int i = 0; i < text.length(); i++) {
      escape(text.charAt(i), html);
    }
  }

  private static void escape(char c, StringBuilder html) {
    switch (c) {
      case '<' -> html.append("&lt;");
      case '>' -> html.append("&gt;");
      case '&' -> html.append("&amp;");
      case '"' -> html.append("&quot;");
      case '\'' -> html.append("&#39;");
      default -> html.append(c);
    }
  }
}
