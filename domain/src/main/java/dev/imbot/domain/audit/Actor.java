package dev.imbot.domain.audit;

import java.util.Objects;

/**
 * Who made a change and from where: a portal user through a webhook, an application through its
 * token, the operator through the admin API, or the service itself (the first-start webhook).
 *
 * @param userId the acting portal user (webhook calls), else null
 * @param application the acting application's key (token calls), else null
 * @param ip the client's address, null when there is none (the service itself)
 */
public record Actor(Kind kind, Long userId, String application, String ip) {

  /** The kinds of actor. */
  public enum Kind {
    USER,
    APPLICATION,
    OPERATOR,
    SYSTEM
  }

  public Actor {
    Objects.requireNonNull(kind, "kind");
  }

  public static Actor user(long userId, String ip) {
    return new Actor(Kind.USER, userId, null, ip);
  }

  public static Actor application(String application, String ip) {
    return new Actor(Kind.APPLICATION, null, Objects.requireNonNull(application), ip);
  }

  public static Actor operator(String ip) {
    return new Actor(Kind.OPERATOR, null, null, ip);
  }

  public static Actor system() {
    return new Actor(Kind.SYSTEM, null, null, null);
  }
}
