package dev.imbot.application.inmemory;

import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory adapter of {@link PortalUsers}. Like a database sequence, an allocated id is never
 * handed out again, even when the unit of work that took it rolls back.
 */
public final class InMemoryPortalUsers implements PortalUsers, People {
  private final Map<Long, Person> people = new TreeMap<>();
  private final AtomicLong lastId = new AtomicLong();
  private final InMemoryBots bots;

  /** Users alongside {@code bots}, whose addresses count as users' addresses. */
  public InMemoryPortalUsers(InMemoryBots bots) {
    this.bots = bots;
  }

  /** Adds a person with the next id and returns that id. */
  public synchronized long addPerson(Email email) {
    return add("Person", email).id();
  }

  @Override
  public synchronized Person add(String name, Email email) {
    Person person = new Person(lastId.incrementAndGet(), name, email);
    people.put(person.id(), person);
    return person;
  }

  @Override
  public synchronized Optional<Person> find(long id) {
    return Optional.ofNullable(people.get(id));
  }

  @Override
  public synchronized List<Person> listAll() {
    return new ArrayList<>(people.values());
  }

  @Override
  public synchronized void delete(long id) {
    people.remove(id);
  }

  @Override
  public synchronized boolean isEmailInUse(Email email, BotId exceptBot) {
    return people.values().stream().anyMatch(person -> email.sameAddressAs(person.email()))
        || bots.isEmailUsed(email, exceptBot);
  }

  @Override
  public BotId allocateUserId() {
    return BotId.of(lastId.incrementAndGet());
  }
}
