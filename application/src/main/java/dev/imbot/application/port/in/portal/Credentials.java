package dev.imbot.application.port.in.portal;

/** What a call presents to prove who it is. Never logged: {@code toString} hides secrets. */
public sealed interface Credentials {

  /** {@code /rest/<userId>/<secret>/…}. */
  record Webhook(long userId, String secret) implements Credentials {
    @Override
    public String toString() {
      return "Webhook[userId=" + userId + ", secret=…]";
    }
  }

  /** {@code auth=<access token>}. */
  record AccessToken(String token) implements Credentials {
    @Override
    public String toString() {
      return "AccessToken[…]";
    }
  }

  /** Nothing presented. */
  record None() implements Credentials {}
}
