package dev.imbot.adapter.persistence;

import dev.imbot.application.contract.TestPortal;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;

/** Test fixture: the persistence adapters of one database instance, as one portal. */
public final class DatabaseTestPortal implements TestPortal {
  private final DatabaseInstance instance;

  DatabaseTestPortal(DatabaseInstance instance) {
    this.instance = instance;
  }

  public DatabaseInstance instance() {
    return instance;
  }

  @Override
  public JdbcBots bots() {
    return instance.bots();
  }

  @Override
  public JdbcApplicationHandlers handlers() {
    return instance.handlers();
  }

  @Override
  public JdbcPortalUsers users() {
    return instance.users();
  }

  @Override
  public JdbcPeople people() {
    return instance.people();
  }

  @Override
  public JdbcClientApplications applications() {
    return instance.applications();
  }

  @Override
  public JdbcInboundWebhooks webhooks() {
    return instance.webhooks();
  }

  @Override
  public JdbcEventOutbox outbox() {
    return instance.outbox();
  }

  @Override
  public JdbcOAuthTokens tokens() {
    return instance.tokens();
  }

  @Override
  public JdbcAccessTokenHolders accessTokenHolders() {
    return instance.accessTokenHolders();
  }

  @Override
  public JdbcApplicationEventBindings eventBindings() {
    return instance.eventBindings();
  }

  @Override
  public JdbcPortalSettings settings() {
    return instance.settings();
  }

  @Override
  public JdbcChats chats() {
    return instance.bean(JdbcChats.class);
  }

  @Override
  public JdbcMessages messages() {
    return instance.bean(JdbcMessages.class);
  }

  @Override
  public JdbcSlashCommands commands() {
    return instance.bean(JdbcSlashCommands.class);
  }

  @Override
  public JdbcAnswerWindows answerWindows() {
    return instance.bean(JdbcAnswerWindows.class);
  }

  @Override
  public JdbcMessageDeliveries messageDeliveries() {
    return instance.bean(JdbcMessageDeliveries.class);
  }

  @Override
  public JdbcUnitOfWork unitOfWork() {
    return instance.unitOfWork();
  }

  /** Adds a person through the people port: the next id of the users' sequence. */
  @Override
  public long addPerson(Email email) {
    Person person = Person.named(users().allocateUserId(), "Person", email);
    instance.people().add(person);
    return person.id().value();
  }
}
