package dev.imbot.domain.event;

import dev.imbot.domain.portal.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Whose {@code auth} blocks an event carries. They are rendered when the delivery is attempted, not
 * when the event is recorded, so a retry hours later still carries live tokens: the top-level
 * {@code auth} for the acting user, and one block per bot concerned ({@code data[BOT][<id>]}).
 *
 * @param actingUser the user who caused the event (a message's author, the installer, the caller),
 *     null when there is none to name
 * @param bots the bots concerned, in the order their blocks are written
 */
public record AuthSubjects(UserId actingUser, List<UserId> bots) {
  private static final AuthSubjects NONE = new AuthSubjects(null, List.of());

  public AuthSubjects {
    bots = List.copyOf(Objects.requireNonNull(bots, "bots"));
  }

  /** No user and no bot: the application's own {@code auth} fields only. */
  public static AuthSubjects none() {
    return NONE;
  }
}
