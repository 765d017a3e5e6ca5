package dev.imbot.adapter.rest;

import dev.imbot.adapter.rest.wire.WireParameters;
import dev.imbot.application.port.in.portal.Credentials;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The part of a REST URL after {@code /rest/}: {@code <method>} for token calls, {@code
 * <user>/<secret>/<method>} for webhook calls. Empty segments (doubled or trailing slashes) are
 * ignored; the method name is lower-cased and a {@code .json} suffix dropped.
 */
public record RestPath(String method, Long webhookUser, String webhookSecret, boolean webhook) {

  /** Parses the path after {@code /rest}; a shape it does not know has a null method. */
  public static RestPath parse(String path) {
    List<String> segments =
        Arrays.stream(path == null ? new String[0] : path.split("/"))
            .filter(s -> !s.isEmpty())
            .toList();
    if (segments.size() == 1) {
      return new RestPath(methodName(segments.get(0)), null, null, false);
    }
    if (segments.size() == 3) {
      Long user = parseUser(segments.get(0));
      return new RestPath(methodName(segments.get(2)), user, segments.get(1), true);
    }
    return new RestPath(null, null, null, false);
  }

  /** The credentials the call presents: the webhook's, or the {@code auth} parameter's token. */
  public Credentials credentials(WireParameters parameters) {
    if (webhook) {
      return webhookUser == null
          ? new Credentials.None()
          : new Credentials.Webhook(webhookUser, webhookSecret);
    }
    String token = parameters.text("auth");
    return token == null || token.isBlank()
        ? new Credentials.None()
        : new Credentials.AccessToken(token);
  }

  private static String methodName(String segment) {
    String name = segment.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      name = name.substring(0, name.length() - ".json".length());
    }
    // The .xml format is not offered: such a name matches no method.
    return name.isEmpty() ? null : name;
  }

  private static Long parseUser(String segment) {
    if (segment.length() > 18 || !segment.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.parseLong(segment);
  }

  @Override
  public String toString() {
    return "RestPath[" + method + (webhook ? ", webhook user " + webhookUser : "") + "]";
  }
}
