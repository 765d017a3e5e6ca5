package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.PortalUsers;
import dev.imbot.domain.BotId;
import dev.imbot.domain.Email;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Persistence adapter: the portal's people in {@code portal_user} (kind {@code PERSON}); bot ids
 * come from the same sequence as people's, so the two never meet.
 */
@Singleton
public final class JdbcPortalUsers implements PortalUsers {
  private static final String EMAIL_IN_USE =
      "SELECT 1 FROM portal_user WHERE kind = 'PERSON' AND email_key = ?";
  // nextval(...): PostgreSQL, and H2 in PostgreSQL mode.
  private static final String NEXT_ID = "SELECT nextval('portal_user_id_seq')";

  private final Database database;

  JdbcPortalUsers(Database database) {
    this.database = database;
  }

  @Override
  public boolean isEmailInUse(Email email) {
    return database.read(
        "check people's e-mail",
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(EMAIL_IN_USE)) {
            query.setString(1, email.normalized());
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
