package dev.imbot.domain.chat;

import dev.imbot.domain.portal.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long an author may edit or delete a message after posting it (3 days unless the operator says
 * otherwise). Past it, or for anyone else, the change is refused with {@code CANT_EDIT_MESSAGE}.
 *
 * @param length the window
 */
public record EditWindow(Duration length) {
  /** Bitrix24's window: three days. */
  public static final EditWindow DEFAULT = new EditWindow(Duration.ofDays(3));

  public EditWindow {
    Objects.requireNonNull(length, "length");
    if (length.isNegative()) {
      throw new IllegalArgumentException("the edit window must not be negative");
    }
  }

  /** Whether {@code actor} may change {@code message} at {@code now}. */
  public boolean allows(Message message, UserId actor, Instant now) {
    return !message.isDeleted()
        && message.author().filter(actor::equals).isPresent()
        && !now.isAfter(message.date().plus(length));
  }

  /** Refuses with {@code CANT_EDIT_MESSAGE} unless {@link #allows}. */
  public void check(Message message, UserId actor, Instant now) {
    if (!allows(message, actor, now)) {
      throw ChatRejection.refuse(ChatRejectionReason.CANT_EDIT_MESSAGE);
    }
  }
}
