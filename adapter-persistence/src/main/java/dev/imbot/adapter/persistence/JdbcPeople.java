package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.People;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
      "INSERT INTO portal_user (id, kind, name, email) VALUES (?, 'PERSON', ?, ?)";
  private static final String SELECT =
      "SELECT id, name, email FROM portal_user WHERE kind = 'PERSON'";
  private static final String BY_ID = SELECT + " AND id = ?";
  private static final String ALL = SELECT + " ORDER BY id";
  private static final String DELETE = "DELETE FROM portal_user WHERE id = ? AND kind = 'PERSON'";

  private final Database database;
  private final JdbcPortalUsers users;

  JdbcPeople(Database database, JdbcPortalUsers users) {
    this.database = database;
    this.users = users;
  }

  @Override
  public Person add(String name, Email email) {
    return database.write(
        "add a person",
        connection -> {
          Person person = new Person(users.allocateUserId().value(), name, email);
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, person.id());
            insert.setString(2, person.name());
            insert.setString(3, email == null ? null : email.value());
            insert.executeUpdate();
          }
          return person;
        });
  }

  @Override
  public Optional<Person> find(long id) {
    return database.read(
        "find person " + id, connection -> select(connection, BY_ID, id).stream().findFirst());
  }

  @Override
  public List<Person> listAll() {
    return database.read("list people", connection -> select(connection, ALL));
  }

  /** Deletes the person; their inbound webhooks go with them (foreign key cascade). */
  @Override
  public void delete(long id) {
    database.write(
        "delete person " + id,
        connection -> {
          return Database.update(connection, DELETE, id);
        });
  }

  private static List<Person> select(Connection connection, String sql, Object... parameters)
      throws SQLException {
    return Database.query(
        connection,
        sql,
        row -> {
          String email = row.getString(3);
          return new Person(
              row.getLong(1), row.getString(2), email == null ? null : Email.of(email));
        },
        parameters);
  }
}
