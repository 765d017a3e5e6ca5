package dev.imbot.application.port.out.portal;

import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the portal's people (human users), as the operator manages them. */
public interface People {

  /**
   * Stores a new person, whose id the users' id space gave out ({@link
   * PortalUsers#allocateUserId}).
   */
  void add(Person person);

  Optional<Person> find(UserId id);

  /** All people, ordered by id. */
  List<Person> listAll();

  void delete(UserId id);
}
