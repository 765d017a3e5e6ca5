package dev.imbot.application.port.out.portal;

import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the portal's people (human users), as the operator manages them. */
public interface People {

  /** Adds a person with the next user id (shared with bots) and returns them. */
  Person add(String name, Email email);

  Optional<Person> find(long id);

  /** All people, ordered by id. */
  List<Person> listAll();

  void delete(long id);
}
