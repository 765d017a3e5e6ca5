package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory adapter of {@link PortalUsers} and {@link People}. Like a database sequence, an
 * allocated id is never handed out again, even when the unit of work that took it rolls back; the
 * people themselves do roll back.
 */
public final class InMemoryPortalUsers implements PortalUsers, People, Snapshottable {
  private TreeMap<UserId, Person> people = new TreeMap<>();
  private final AtomicLong lastId = new AtomicLong();
  private final InMemoryBots bots;
  private final InMemoryInboundWebhooks webhooks;

  /**
   * Users alongside {@code bots}, whose addresses count as users' addresses, and {@code webhooks},
   * which go with the person they act as.
   */
  public InMemoryPortalUsers(
      InMemoryUnitOfWork unitOfWork, InMemoryBots bots, InMemoryInboundWebhooks webhooks) {
    this.bots = bots;
    this.webhooks = webhooks;
    unitOfWork.register(this);
  }

  /** Adds a person with the next id and returns that id (a test and embedder convenience). */
  public synchronized long addPerson(Email email) {
    Person person = Person.named(allocateUserId(), "Person", email);
    add(person);
    return person.id().value();
  }

  /** Adds a person; an address a person or bot already has is a write conflict, as in a table. */
  @Override
  public synchronized void add(Person person) {
    if (people.containsKey(person.id())) {
      throw new IllegalStateException("user " + person.id() + " exists");
    }
    if (person.email() != null && isEmailInUse(person.email(), null)) {
      throw new WriteConflictException("e-mail address already in use", null);
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

  /** Deletes the person; their inbound webhooks go with them. */
  @Override
  public synchronized void delete(UserId id) {
    if (people.remove(id) != null) {
      webhooks.deleteOfUser(id.value());
    }
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

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<UserId, Person> copy = new TreeMap<>(people);
    return () -> {
      synchronized (this) {
        people = copy;
      }
    };
  }
}
