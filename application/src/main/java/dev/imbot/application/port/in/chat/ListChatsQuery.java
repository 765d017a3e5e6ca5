package dev.imbot.application.port.in.chat;

import dev.imbot.domain.portal.UserId;
import java.util.Objects;

/**
 * Which of a user's chats to list.
 *
 * @param member whose chats
 * @param offset how many of the newest to skip
 * @param limit how many at most (1 to {@value #MAX_LIMIT})
 */
public record ListChatsQuery(UserId member, int offset, int limit) {
  /** The largest page. */
  public static final int MAX_LIMIT = 100;

  public ListChatsQuery {
    Objects.requireNonNull(member, "member");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
  }
}
