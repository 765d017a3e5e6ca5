package dev.imbot.domain.delivery;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The host part of a handler URL the isolation limits count by: lower-case host and its port. */
public final class HandlerHost {
  // Handlers are few and each attempt asks several times (the worker's caps, the gate, the sender):
  // parsing the URL each time was some 3% of a drain's CPU. Emptied when full, so never unbounded.
  private static final int CACHED = 1024;
  private static final Map<String, String> HOSTS = new ConcurrentHashMap<>();

  private HandlerHost() {}

  /** {@code host:port} of {@code url}, the scheme's default port when none is written. */
  public static String of(String url) {
    String host = HOSTS.get(url);
    if (host == null) {
      host = parse(url);
      if (HOSTS.size() >= CACHED) {
        HOSTS.clear();
      }
      HOSTS.put(url, host);
    }
    return host;
  }

  private static String parse(String url) {
    URI uri = URI.create(url);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port =
        uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return host + ":" + port;
  }
}
