package dev.imbot.domain.event;

import java.util.Objects;

/**
 * One stored handler binding: its id, sent to the handler as {@code event_handler_id}, and its URL.
 */
public record HandlerBinding(long id, HandlerUrl url) {

  public HandlerBinding {
    if (id <= 0) {
      throw new IllegalArgumentException("a handler binding id must be positive, was " + id);
    }
    Objects.requireNonNull(url, "url");
  }
}
