package dev.imbot.application.inmemory;

import dev.imbot.application.contract.TestPortal;
import dev.imbot.domain.portal.Email;

/** The in-memory adapters of every outgoing port, as one portal. */
public final class InMemoryTestPortal implements TestPortal {
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final InMemoryBots bots = new InMemoryBots(unitOfWork);
  private final InMemoryApplicationHandlers handlers = new InMemoryApplicationHandlers(unitOfWork);
  private final InMemoryPortalUsers users = new InMemoryPortalUsers(bots);
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork);

  public InMemoryTestPortal() {
    users.addPerson(Email.of("admin@portal.example.com"));
  }

  @Override
  public InMemoryBots bots() {
    return bots;
  }

  @Override
  public InMemoryApplicationHandlers handlers() {
    return handlers;
  }

  @Override
  public InMemoryPortalUsers users() {
    return users;
  }

  @Override
  public InMemoryEventOutbox outbox() {
    return outbox;
  }

  @Override
  public InMemoryUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  public long addPerson(Email email) {
    return users.addPerson(email);
  }
}
