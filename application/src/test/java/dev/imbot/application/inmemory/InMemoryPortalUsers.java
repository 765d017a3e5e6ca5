package dev.imbot.application.inmemory;

import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
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
  private final Map<UserId, Person> people = new TreeMap<>();
  private final AtomicLong lastId = new AtomicLong();
  private final InMemoryBots bots;

  /** Users alongside {@code bots}, whose addresses count as users' addresses. */
  public InMemoryPortalUsers(InMemoryBots bots) {
    this.bots = bots;
  }

  /** Adds a person with the next id and returns that id. */
  public synchronized long addPerson(Email email) {
    Person person = Person.named(allocateUserId(), "Person", email);
    add(person);
    return person.id().value();
  }

  @Override
  public synchronized void add(Person person) {
    if (people.containsKey(person.id())) {
      throw new IllegalStateException("user " + person.id() + " exists");
    }
    people.put(person.id(), person);
  }

  @Override
  public synchronized Optional<Person> find(UserId id) {
    return Optional.ofNullable(people.get(id));
  }

  @Override
  public synchronized List<Person> listAll() {
    return new ArrayList<>(people.values());
  }

  @Override
  public synchronized void delete(UserId id) {
    people.remove(id);
  }

  @Override
  public synchronized boolean isEmailInUse(Email email, BotId exceptBot) {
    return people.values().stream().anyMatch(person -> email.sameAddressAs(person.email()))
        || bots.isEmailUsed(email, exceptBot);
  }

  @Override
  public UserId allocateUserId() {
    return UserId.of(lastId.incrementAndGet());
  }
}
