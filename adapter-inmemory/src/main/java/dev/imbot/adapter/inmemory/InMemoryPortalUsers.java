package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;
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
  private TreeMap<Long, Person> people = new TreeMap<>();
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

  /** Adds a person; an address a person or bot already has is a write conflict, as in a table. */
  @Override
  public synchronized Person add(String name, Email email) {
    if (email != null && isEmailInUse(email, null)) {
      throw new WriteConflictException("e-mail address already in use", null);
    }
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

  /** Deletes the person; their inbound webhooks go with them. */
  @Override
  public synchronized void delete(long id) {
    if (people.remove(id) != null) {
      webhooks.deleteOfUser(id);
    }
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

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<Long, Person> copy = new TreeMap<>(people);
    return () -> {
      synchronized (this) {
        people = copy;
      }
    };
  }
}
