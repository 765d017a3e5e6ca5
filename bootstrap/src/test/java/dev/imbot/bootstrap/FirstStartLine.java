package dev.imbot.bootstrap;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support: the line the service prints on its first start, {@code First start: inbound webhook
 * for portal user 1: http://127.0.0.1:8080/rest/1/<secret>/} (the configured public URL when one
 * is).
 */
record FirstStartLine(String url) {
  private static final Pattern LINE =
      Pattern.compile(
          "First start: inbound webhook for portal user 1: (https?://[^/\\s]+/rest/1/\\S+/)");

  /** The first such line in {@code output}. */
  static Optional<FirstStartLine> find(String output) {
    return all(output).stream().findFirst();
  }

  /** Every such line in {@code output}. */
  static List<FirstStartLine> all(String output) {
    Matcher matcher = LINE.matcher(output);
    return matcher.results().map(m -> new FirstStartLine(m.group(1))).toList();
  }

  /** The webhook's path prefix, {@code /rest/1/<secret>/}, valid whatever port serves it. */
  String path() {
    return URI.create(url).getPath();
  }

  /** The port the service listened on when it printed the line. */
  int port() {
    return URI.create(url).getPort();
  }
}
