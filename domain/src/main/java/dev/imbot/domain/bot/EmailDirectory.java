package dev.imbot.domain.bot;

import dev.imbot.domain.portal.Email;

/** What {@link EmailUniquenessPolicy} needs to know about the portal's addresses. */
public interface EmailDirectory {

  /**
   * Whether a portal user has this address, compared case-insensitively: a person, or a bot other
   * than {@code except} (null: any bot). One question rather than one per kind of user, so that a
   * directory backed by a database answers it in one query.
   */
  boolean isTaken(Email email, BotId except);
}
