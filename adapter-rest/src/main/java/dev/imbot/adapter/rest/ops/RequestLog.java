package dev.imbot.adapter.rest.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line per request on logger {@code dev.imbot.request}: at debug normally, at warn for a
 * {@code 5xx} (whose cause {@code BitrixErrors} logs with its correlation id). The fields also go
 * as key-value pairs, which the JSON format ({@code IMBOT_LOG_FORMAT=json}) writes as fields. Never
 * logs a secret: a webhook's secret is cut out of the path, and query strings and bodies (where
 * tokens travel) are not logged at all.
 */
// Regex style: its matcher caches the compiled pattern, where the Ant style tokenised
// pattern and path again on every request.
@ServerFilter(patterns = ".*", patternStyle = FilterPatternStyle.REGEX)
public final class RequestLog {
  /** Request attribute: the Bitrix method the REST front answered. */
  public static final String METHOD = "imbot.method";

  /** Request attribute: the outcome ({@code ok} or the error code) of that call. */
  public static final String OUTCOME = "imbot.outcome";

  private static final String STARTED = "imbot.started";
  private static final Logger LOG = LoggerFactory.getLogger("dev.imbot.request");

  private final HttpClientAddressResolver addresses;

  public RequestLog(HttpClientAddressResolver addresses) {
    this.addresses = addresses;
  }

  @RequestFilter
  public void start(HttpRequest<?> request) {
    request.setAttribute(STARTED, System.nanoTime());
  }

  @ResponseFilter
  public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
    boolean failure = response.code() >= 500;
    if (!(failure ? LOG.isWarnEnabled() : LOG.isDebugEnabled())) {
      return;
    }
    long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
    double millis = (System.nanoTime() - started) / 1_000_000.0;
    String path = safePath(request.getPath());
    String method = request.getAttribute(METHOD, String.class).orElse(null);
    String outcome = request.getAttribute(OUTCOME, String.class).orElse(null);
    LoggingEventBuilder line = failure ? LOG.atWarn() : LOG.atDebug();
    line =
        line.addKeyValue("http_method", request.getMethodName())
            .addKeyValue("path", path)
            .addKeyValue("status", response.code())
            .addKeyValue("duration_ms", Math.round(millis * 1000) / 1000.0)
            .addKeyValue("client_ip", addresses.resolve(request));
    if (method != null) {
      line = line.addKeyValue("method", method).addKeyValue("outcome", outcome);
    }
    StringBuilder message =
        new StringBuilder(request.getMethodName()).append(' ').append(path).append(' ');
    message.append(response.code());
    if (method != null) {
      message.append(' ').append(method).append(' ').append(outcome);
    }
    message.append(' ').append(String.format(java.util.Locale.ROOT, "%.3f ms", millis));
    line.log(message.toString());
  }

  /**
   * The path with a webhook's secret replaced: {@code /rest/<user>/<secret>/<method>} becomes
   * {@code /rest/<user>/***}{@code /<method>}; any other path under {@code /rest/} with more than
   * one segment is cut the same way, since its second segment may be a mistyped secret.
   */
  static String safePath(String path) {
    if (path == null || !path.startsWith("/rest/")) {
      return path;
    }
    java.util.List<String> segments =
        java.util.Arrays.stream(path.substring("/rest/".length()).split("/"))
            .filter(segment -> !segment.isEmpty())
            .toList();
    if (segments.size() < 2) {
      return path;
    }
    StringBuilder safe = new StringBuilder("/rest/").append(segments.get(0)).append("/***");
    if (segments.size() > 2) {
      safe.append('/').append(segments.get(segments.size() - 1));
    }
    return safe.toString();
  }
}
