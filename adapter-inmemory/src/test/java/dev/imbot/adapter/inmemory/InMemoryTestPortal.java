package dev.imbot.adapter.inmemory;

import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.port.out.portal.AccessTokenHolders;
import dev.imbot.domain.portal.Email;

/** Test fixture: an {@link InMemoryPortal}, its administrator with an address, as a TestPortal. */
final class InMemoryTestPortal implements TestPortal {
  private final InMemoryPortal portal = new InMemoryPortal(Email.of("admin@portal.example.com"));

  @Override
  public InMemoryBots bots() {
    return portal.bots();
  }

  @Override
  public InMemoryApplicationHandlers handlers() {
    return portal.handlers();
  }

  @Override
  public InMemoryPortalUsers users() {
    return portal.users();
  }

  @Override
  public InMemoryPortalUsers people() {
    return portal.people();
  }

  @Override
  public InMemoryClientApplications applications() {
    return portal.applications();
  }

  @Override
  public InMemoryInboundWebhooks webhooks() {
    return portal.webhooks();
  }

  @Override
  public InMemoryEventOutbox outbox() {
    return portal.outbox();
  }

  @Override
  public InMemoryOAuthTokens tokens() {
    return portal.tokens();
  }

  @Override
  public AccessTokenHolders accessTokenHolders() {
    return portal.accessTokenHolders();
  }

  @Override
  public InMemoryApplicationEventBindings eventBindings() {
    return portal.eventBindings();
  }

  @Override
  public InMemoryPortalSettings settings() {
    return portal.settings();
  }

  @Override
  public InMemoryChats chats() {
    return portal.chats();
  }

  @Override
  public InMemoryMessages messages() {
    return portal.messages();
  }

  @Override
  public InMemorySlashCommands commands() {
    return portal.commands();
  }

  @Override
  public InMemoryAnswerWindows answerWindows() {
    return portal.answerWindows();
  }

  @Override
  public InMemoryMessageDeliveries messageDeliveries() {
    return portal.messageDeliveries();
  }

  @Override
  public InMemoryUnitOfWork unitOfWork() {
    return portal.unitOfWork();
  }

  @Override
  public long addPerson(Email email) {
    return portal.people().addPerson(email);
  }
}
