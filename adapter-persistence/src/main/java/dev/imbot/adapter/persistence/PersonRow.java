package dev.imbot.adapter.persistence;

import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import org.jdbi.v3.core.mapper.RowMapper;

/** A {@code portal_user} row of kind {@code PERSON}. */
public record PersonRow(
    long id, String name, String lastName, String workPosition, String gender, String email) {
  /** Maps a row by column name, by hand (decision 95). */
  static final RowMapper<PersonRow> MAPPER =
      (rs, context) ->
          new PersonRow(
              rs.getLong("id"),
              rs.getString("name"),
              rs.getString("last_name"),
              rs.getString("work_position"),
              rs.getString("gender"),
              rs.getString("email"));

  static final String COLUMNS = "id, name, last_name, work_position, gender, email";

  static PersonRow from(Person person) {
    return new PersonRow(
        person.id().value(),
        person.name(),
        person.lastName(),
        person.workPosition(),
        person.gender() == null ? null : person.gender().letter(),
        person.email() == null ? null : person.email().value());
  }

  Person toPerson() {
    return new Person(
        UserId.of(id),
        name,
        lastName,
        workPosition,
        gender == null ? null : Gender.fromWire(gender).orElseThrow(),
        email == null ? null : Email.of(email));
  }
}
