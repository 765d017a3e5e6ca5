package dev.imbot.domain.chat;

import dev.imbot.domain.portal.UserId;
import java.util.Objects;

/**
 * A chat member and the history they see: the messages whose id is above {@code hiddenUpTo} (0: the
 * whole history).
 *
 * @param user the member
 * @param hiddenUpTo the last message id hidden from them, 0 when they see everything
 */
public record Member(UserId user, long hiddenUpTo) {

  public Member {
    Objects.requireNonNull(user, "user");
    if (hiddenUpTo < 0) {
      throw new IllegalArgumentException("hiddenUpTo must not be negative");
    }
  }

  /** Whether the member sees the message {@code id}. */
  public boolean sees(MessageId id) {
    return id.value() > hiddenUpTo;
  }

  /** Whether the member sees the whole history ({@code ACCESS_HISTORY}). */
  public boolean seesHistory() {
    return hiddenUpTo == 0;
  }
}
