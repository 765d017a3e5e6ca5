package dev.imbot.domain.portal;

import java.util.Objects;

/**
 * A human portal user, as the operator manages them: their e-mail is one a bot may not take.
 *
 * @param id the user id (shared id space with bots)
 * @param name the display name
 * @param email the address, null when none
 */
public record Person(long id, String name, Email email) {

  public Person {
    if (id <= 0) {
      throw new IllegalArgumentException("a person's id must be positive");
    }
    Objects.requireNonNull(name, "name");
  }
}
