package dev.imbot.domain.delivery;

import java.net.URI;
import java.util.Locale;

/** The host part of a handler URL the isolation limits count by: lower-case host and its port. */
public final class HandlerHost {
  private HandlerHost() {}

  /** {@code host:port} of {@code url}, the scheme's default port when none is written. */
  public static String of(String url) {
    URI uri = URI.create(url);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port =
        uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return host + ":" + port;
  }
}
