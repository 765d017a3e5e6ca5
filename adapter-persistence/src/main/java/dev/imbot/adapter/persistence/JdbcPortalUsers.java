package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Persistence adapter: the portal's users in {@code portal_user}, people (kind {@code PERSON}) and
 * bots (kind {@code BOT}); bot ids come from the same sequence as people's, so the two never meet.
 */
@Singleton
public final class JdbcPortalUsers implements PortalUsers {
  // People and bots in one lookup of the unique address index; a bot may keep its own address.
  private static final String EMAIL_IN_USE =
      "SELECT 1 FROM portal_user WHERE email_key = ? AND (kind <> 'BOT' OR id <> ?)";
  // nextval(...): PostgreSQL, and H2 in PostgreSQL mode.
  private static final String NEXT_ID = "SELECT nextval('portal_user_id_seq')";

  private final Database database;

  JdbcPortalUsers(Database database) {
    this.database = database;
  }

  @Override
  public boolean isEmailInUse(Email email, BotId exceptBot) {
    return database.read(
        "check e-mail",
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(EMAIL_IN_USE)) {
            query.setString(1, email.normalized());
            query.setLong(2, exceptBot == null ? 0 : exceptBot.value());
            try (ResultSet rs = query.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** A sequence value: never handed out twice, even when the unit of work rolls back. */
  @Override
  public BotId allocateUserId() {
    return database.write(
        "allocate a user id",
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(NEXT_ID);
              ResultSet rs = query.executeQuery()) {
            rs.next();
            return BotId.of(rs.getLong(1));
          }
        });
  }
}
