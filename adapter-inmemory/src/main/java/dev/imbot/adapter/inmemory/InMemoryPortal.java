package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.portal.AccessTokenHolders;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;

/**
 * The in-memory adapters of every outgoing port, as one portal sharing one unit of work. Like a
 * fresh database, it starts with person 1, the administrator. Everything is lost with the object.
 */
public final class InMemoryPortal {
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final InMemoryBots bots = new InMemoryBots(unitOfWork);
  private final InMemoryApplicationHandlers handlers = new InMemoryApplicationHandlers(unitOfWork);
  private final InMemoryInboundWebhooks webhooks = new InMemoryInboundWebhooks(unitOfWork);
  private final InMemoryPortalUsers users = new InMemoryPortalUsers(unitOfWork, bots, webhooks);
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork);
  private final InMemoryChats chats = new InMemoryChats(unitOfWork);
  private final InMemoryMessages messages = new InMemoryMessages(unitOfWork);
  private final InMemoryMessageDeliveries messageDeliveries =
      new InMemoryMessageDeliveries(unitOfWork, outbox);
  private final InMemoryClientApplications applications =
      new InMemoryClientApplications(unitOfWork);
  private final InMemoryOAuthTokens tokens = new InMemoryOAuthTokens(unitOfWork);
  private final InMemoryApplicationEventBindings eventBindings =
      new InMemoryApplicationEventBindings(unitOfWork);
  private final InMemoryPortalSettings settings = new InMemoryPortalSettings();
  private final InMemorySlashCommands commands = new InMemorySlashCommands(unitOfWork, bots);
  private final InMemoryAnswerWindows answerWindows = new InMemoryAnswerWindows(unitOfWork, bots);

  /** A portal whose administrator has no e-mail address. */
  public InMemoryPortal() {
    this(null);
  }

  /** A portal whose administrator has {@code administratorEmail} (null: none). */
  public InMemoryPortal(Email administratorEmail) {
    users.add(Person.named(users.allocateUserId(), "Administrator", administratorEmail));
  }

  public InMemoryBots bots() {
    return bots;
  }

  public InMemoryApplicationHandlers handlers() {
    return handlers;
  }

  /** The portal's users, people and bots: {@code PortalUsers}. */
  public InMemoryPortalUsers users() {
    return users;
  }

  /** The portal's people, the same store as {@link #users()}: {@code People}. */
  public InMemoryPortalUsers people() {
    return users;
  }

  public InMemoryEventOutbox outbox() {
    return outbox;
  }

  public InMemoryClientApplications applications() {
    return applications;
  }

  public InMemoryOAuthTokens tokens() {
    return tokens;
  }

  /** The token and application ports asked one after the other: nothing to save in memory. */
  public AccessTokenHolders accessTokenHolders() {
    return AccessTokenHolders.of(tokens, applications);
  }

  public InMemoryApplicationEventBindings eventBindings() {
    return eventBindings;
  }

  public InMemoryPortalSettings settings() {
    return settings;
  }

  public InMemoryInboundWebhooks webhooks() {
    return webhooks;
  }

  /** The portal's chats and their members: {@code Chats}. */
  public InMemoryChats chats() {
    return chats;
  }

  /** The portal's messages: {@code Messages}. */
  public InMemoryMessages messages() {
    return messages;
  }

  /** The bots' slash commands: {@code SlashCommands}. */
  public InMemorySlashCommands commands() {
    return commands;
  }

  /** When each bot was last sent a command in each chat: {@code AnswerWindows}. */
  public InMemoryAnswerWindows answerWindows() {
    return answerWindows;
  }

  public InMemoryUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  /** Which deliveries each message caused: {@code MessageDeliveries}. */
  public InMemoryMessageDeliveries messageDeliveries() {
    return messageDeliveries;
  }
}
