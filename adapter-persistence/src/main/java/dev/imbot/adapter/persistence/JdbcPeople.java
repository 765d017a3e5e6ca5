package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.People;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: the portal's people, {@code portal_user} rows of kind {@code PERSON}. Their
 * ids come from the sequence bots take theirs from; an address taken by a bot or another person
 * fails with a unique violation, reported as a write conflict.
 */
@Singleton
public final class JdbcPeople implements People {
  private static final String INSERT =
      "INSERT INTO portal_user (kind, "
          + PersonRow.COLUMNS
          + ") VALUES ('PERSON', :id, :name,"
          + " :lastName, :workPosition, :gender, :email)";
  private static final String SELECT =
      "SELECT " + PersonRow.COLUMNS + " FROM portal_user WHERE kind = 'PERSON'";
  private static final NamedStatement BY_ID = NamedStatement.of(SELECT + " AND id = :id");
  private static final String ALL = SELECT + " ORDER BY id";
  private static final String DELETE = "DELETE FROM portal_user WHERE id = :id AND kind = 'PERSON'";

  private final Database database;

  JdbcPeople(Database database) {
    this.database = database;
  }

  @Override
  public void add(Person person) {
    database.write(
        "add person " + person.id(),
        handle -> handle.createUpdate(INSERT).bindMethods(PersonRow.from(person)).execute());
  }

  @Override
  public Optional<Person> find(UserId id) {
    return database.readSql(
        "find person " + id,
        connection -> {
          try (NamedStatement.Bound find = BY_ID.on(connection)) {
            return find.number("id", id.value()).first(PersonRow.MAPPER).map(PersonRow::toPerson);
          }
        });
  }

  @Override
  public List<Person> listAll() {
    return database.read(
        "list people",
        handle ->
            handle.createQuery(ALL).mapTo(PersonRow.class).list().stream()
                .map(PersonRow::toPerson)
                .toList());
  }

  /** Deletes the person; their inbound webhooks go with them (foreign key cascade). */
  @Override
  public void delete(UserId id) {
    database.write(
        "delete person " + id,
        handle -> handle.createUpdate(DELETE).bind("id", id.value()).execute());
  }
}
