package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.portal.UserId;
import java.util.Objects;

/**
 * Which messages to read.
 *
 * @param viewer who reads
 * @param dialog which dialog
 * @param firstId newer than this id when positive (takes precedence)
 * @param lastId older than this id when positive
 * @param limit how many at most (1 to 50)
 */
public record MessagePageQuery(
    UserId viewer, DialogId dialog, long firstId, long lastId, int limit) {
  /** The default {@code LIMIT}. */
  public static final int DEFAULT_LIMIT = 20;

  /** The largest {@code LIMIT}. */
  public static final int MAX_LIMIT = 50;

  public MessagePageQuery {
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(dialog, "dialog");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to 50, was " + limit);
    }
  }
}
