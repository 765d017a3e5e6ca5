package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.UserId;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Persistence adapter: the portal's users in {@code portal_user}, people (kind {@code PERSON}) and
 * bots (kind {@code BOT}); bot ids come from the same sequence as people's, so the two never meet.
 */
@Singleton
public final class JdbcPortalUsers implements PortalUsers {
  // People and bots in one lookup of the unique address index; a bot may keep its own address.
  // Both run on every registration: bound without Jdbi.
  private static final NamedStatement EMAIL_IN_USE =
      NamedStatement.of(
          "SELECT 1 FROM portal_user WHERE email_key = :email"
              + " AND (kind <> 'BOT' OR id <> :exceptBot)");
  // nextval(...): PostgreSQL, and H2 in PostgreSQL mode.
  private static final NamedStatement NEXT_ID =
      NamedStatement.of("SELECT nextval('portal_user_id_seq')");

  // A new bot's address check and id in one round trip. CASE evaluates only the branch it takes
  // on both databases, so a taken address takes no id (a test holds both to that).
  private static final NamedStatement NEXT_ID_UNLESS_EMAIL_IN_USE =
      NamedStatement.of(
          "SELECT CASE WHEN EXISTS (SELECT 1 FROM portal_user WHERE email_key = :email)"
              + " THEN NULL ELSE nextval('portal_user_id_seq') END");

  private final Database database;

  JdbcPortalUsers(Database database) {
    this.database = database;
  }

  @Override
  public boolean isEmailInUse(Email email, BotId exceptBot) {
    return database.readSql(
        "check e-mail",
        connection -> {
          try (NamedStatement.Bound inUse = EMAIL_IN_USE.on(connection)) {
            return inUse
                .string("email", email.normalized())
                .number("exceptBot", exceptBot == null ? 0 : exceptBot.value())
                .first((rs, context) -> true)
                .isPresent();
          }
        });
  }

  /** A sequence value: never handed out twice, even when the unit of work rolls back. */
  @Override
  public UserId allocateUserId() {
    return database.writeSql(
        "allocate a user id",
        connection -> {
          try (NamedStatement.Bound next = NEXT_ID.on(connection)) {
            return UserId.of(next.first((rs, context) -> rs.getLong(1)).orElseThrow());
          }
        });
  }

  /** One statement: the address check, and the sequence only when the address is free. */
  @Override
  public Optional<UserId> allocateUserIdUnlessEmailInUse(Email email) {
    if (email == null) {
      return Optional.of(allocateUserId());
    }
    return database.writeSql(
        "allocate a user id for " + email,
        connection -> {
          try (NamedStatement.Bound next = NEXT_ID_UNLESS_EMAIL_IN_USE.on(connection)) {
            return next.string("email", email.normalized())
                .first(
                    (rs, context) -> {
                      long id = rs.getLong(1);
                      return rs.wasNull() ? Optional.<UserId>empty() : Optional.of(UserId.of(id));
                    })
                .orElseThrow();
          }
        });
  }
}
