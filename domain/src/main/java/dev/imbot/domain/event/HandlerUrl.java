package dev.imbot.domain.event;

import dev.imbot.domain.portal.ApplicationKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * An event handler URL: absolute, {@code http} or {@code https}, a host with a dot after its first
 * character (so {@code localhost} is refused, {@code 127.0.0.1} passes), no user-info, at most 2048
 * characters.
 */
public record HandlerUrl(String value) {
  public static final int MAX_LENGTH = 2048;

  public HandlerUrl {
    if (value == null || defect(value).isPresent()) {
      throw new IllegalArgumentException("handler URL is not valid: " + value);
    }
  }

  public static HandlerUrl of(String value) {
    return new HandlerUrl(value);
  }

  /**
   * Reads the handler for {@code event} from the wire (trimmed), refusing it with {@link
   * HandlerRejectionReason#HANDLER_URL_INVALID} or {@link
   * HandlerRejectionReason#HANDLER_PROTOCOL_UNSUPPORTED}.
   */
  public static HandlerUrl parse(String raw, BotEvent event) {
    String trimmed = raw == null ? "" : raw.strip();
    Optional<HandlerRejectionReason> defect = defect(trimmed);
    if (defect.isPresent()) {
      throw HandlerRejection.of(defect.get(), event).toException();
    }
    return new HandlerUrl(trimmed);
  }

  /**
   * {@code url} as Bitrix24 binds it for {@code application}: a webhook-keyed application's {@code
   * CLIENT_ID} appended to the query ({@code ?CLIENT_ID=} or {@code &CLIENT_ID=}, URL-encoded), so
   * its handler learns which application an event is for; any other application's URL as it is.
   */
  public static String withClientIdOf(String url, ApplicationKey application) {
    Optional<String> clientId = application.webhookClientId();
    if (clientId.isEmpty()) {
      return url;
    }
    // Before a fragment, which a client never sends to the server.
    int fragment = url.indexOf('#');
    String beforeFragment = fragment < 0 ? url : url.substring(0, fragment);
    return beforeFragment
        + (beforeFragment.indexOf('?') < 0 ? "?" : "&")
        + "CLIENT_ID="
        + URLEncoder.encode(clientId.get(), StandardCharsets.UTF_8)
        + (fragment < 0 ? "" : url.substring(fragment));
  }

  /**
   * What is wrong with {@code value} (already trimmed) as a handler URL, if anything: for handlers
   * of events that are not {@link BotEvent}s, which state their own errors.
   */
  public static Optional<HandlerRejectionReason> defectOf(String value) {
    return defect(value == null ? "" : value);
  }

  private static Optional<HandlerRejectionReason> defect(String value) {
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return Optional.of(HandlerRejectionReason.HANDLER_URL_INVALID);
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.of(HandlerRejectionReason.HANDLER_URL_INVALID);
    }
    if (!uri.isAbsolute() || uri.isOpaque() && !isWebScheme(uri)) {
      return Optional.of(
          uri.isAbsolute()
              ? HandlerRejectionReason.HANDLER_PROTOCOL_UNSUPPORTED
              : HandlerRejectionReason.HANDLER_URL_INVALID);
    }
    if (!isWebScheme(uri)) {
      return Optional.of(HandlerRejectionReason.HANDLER_PROTOCOL_UNSUPPORTED);
    }
    String host = uri.getHost();
    if (uri.isOpaque()
        || host == null
        || host.indexOf('.', 1) < 1
        || uri.getRawUserInfo() != null) {
      return Optional.of(HandlerRejectionReason.HANDLER_URL_INVALID);
    }
    return Optional.empty();
  }

  private static boolean isWebScheme(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  @Override
  public String toString() {
    return value;
  }
}
