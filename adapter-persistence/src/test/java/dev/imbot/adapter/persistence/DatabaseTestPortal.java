package dev.imbot.adapter.persistence;

import dev.imbot.application.contract.TestPortal;
import dev.imbot.domain.BotDeletedNotice;
import dev.imbot.domain.Email;
import java.sql.PreparedStatement;
import java.util.List;

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
  public JdbcEventOutbox outbox() {
    return instance.outbox();
  }

  @Override
  public JdbcUnitOfWork unitOfWork() {
    return instance.unitOfWork();
  }

  /** Takes the next id from the users' sequence, as a bot would, for a person. */
  @Override
  public long addPerson(Email email) {
    long id = users().allocateUserId().value();
    instance.sql(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO portal_user (id, kind, email) VALUES (?, 'PERSON', ?)")) {
            insert.setLong(1, id);
            insert.setString(2, email.value());
            return insert.executeUpdate();
          }
        });
    return id;
  }

  @Override
  public List<BotDeletedNotice> enqueuedNotices() {
    return outbox().enqueued();
  }
}
