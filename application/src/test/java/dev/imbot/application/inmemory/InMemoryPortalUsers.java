package dev.imbot.application.inmemory;

import dev.imbot.application.port.out.PortalUsers;
import dev.imbot.domain.BotId;
import dev.imbot.domain.Email;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory adapter of {@link PortalUsers}. Like a database sequence, an allocated id is never
 * handed out again, even when the unit of work that took it rolls back.
 */
public final class InMemoryPortalUsers implements PortalUsers {
  private final Map<Long, Email> people = new TreeMap<>();
  private final AtomicLong lastId = new AtomicLong();

  /** Adds a person with the next id and returns that id. */
  public synchronized long addPerson(Email email) {
    long id = lastId.incrementAndGet();
    people.put(id, email);
    return id;
  }

  @Override
  public synchronized boolean isEmailInUse(Email email) {
    return people.values().stream().anyMatch(email::sameAddressAs);
  }

  @Override
  public BotId allocateUserId() {
    return BotId.of(lastId.incrementAndGet());
  }
}
