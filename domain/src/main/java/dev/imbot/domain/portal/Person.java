package dev.imbot.domain.portal;

import java.util.Objects;

/**
 * A human portal user, as the operator manages them and as events and {@code profile} show them:
 * Bitrix24's {@code NAME}, {@code LAST_NAME}, {@code WORK_POSITION} and {@code GENDER}, and an
 * e-mail a bot may not take.
 *
 * @param id the user id (shared id space with bots)
 * @param name the first name ({@code NAME})
 * @param lastName the last name ({@code LAST_NAME}), null when none
 * @param workPosition the job title ({@code WORK_POSITION}), null when none
 * @param gender the gender ({@code GENDER}), null when not given
 * @param email the address, null when none
 */
public record Person(
    UserId id, String name, String lastName, String workPosition, Gender gender, Email email) {

  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** A person known by name and maybe an address only. */
  public static Person named(UserId id, String name, Email email) {
    return new Person(id, name, null, null, null, email);
  }
}
