package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: bots in the {@code bot} table, each with its {@code portal_user} row (a bot
 * is a portal user: same id space, same e-mail namespace). Profile and avatar bytes are columns of
 * the bot row, so one query reads whole bots.
 */
@Singleton
public final class JdbcBots implements Bots {
  private static final String SELECT =
      "SELECT " + BotRow.COLUMNS + " FROM bot b JOIN portal_user u ON u.id = b.user_id";
  private static final String BY_ID = SELECT + " WHERE b.user_id = ?";
  // Summaries read the bot row alone: no join, no profile details, no avatar bytes.
  private static final String SUMMARY =
      "SELECT user_id, application_key, code, name, last_name, open_lines FROM bot";
  private static final String SUMMARIES_OF_APPLICATION =
      SUMMARY + " WHERE application_key = ? ORDER BY user_id";
  private static final String ALL_SUMMARIES = SUMMARY + " ORDER BY user_id";

  // Inserts the user row unless one with the id exists: one statement tells a new bot (ids come
  // from a sequence, so a new bot's id is never taken) from a stored one. The casts type the
  // parameters of the SELECT list for H2.
  private static final String INSERT_USER_IF_NEW =
      "INSERT INTO portal_user (id, kind, email) SELECT CAST(? AS BIGINT), 'BOT',"
          + " CAST(? AS VARCHAR(255)) WHERE NOT EXISTS (SELECT 1 FROM portal_user WHERE id = ?)";
  private static final String UPDATE_USER =
      "UPDATE portal_user SET email = ? WHERE id = ? AND kind = 'BOT'";
  private static final String INSERT_BOT =
      "INSERT INTO bot (user_id, application_key, "
          + BotRow.BOT_VALUE_COLUMNS
          + ") VALUES (?, ?"
          + ", ?".repeat(BotRow.BOT_VALUE_COUNT)
          + ")";
  // A bot never moves to another application, so the application is not rewritten.
  private static final String UPDATE_BOT =
      "UPDATE bot SET "
          + String.join(" = ?, ", BotRow.BOT_VALUE_COLUMNS.split(", "))
          + " = ? WHERE user_id = ?";
  // The bot row goes with its user row (ON DELETE CASCADE).
  private static final String DELETE = "DELETE FROM portal_user WHERE id = ? AND kind = 'BOT'";

  private final Database database;

  JdbcBots(Database database) {
    this.database = database;
  }

  /**
   * Takes the application's row lock ({@code SELECT ... FOR UPDATE}, see {@link ApplicationRows}),
   * then reads its bots in a statement of their own: under read committed that statement sees every
   * bot committed by whoever held the lock before, which a read joined to the locking statement
   * would not on PostgreSQL.
   */
  @Override
  public List<BotSummary> lockApplication(ApplicationKey application) {
    if (!database.inTransaction()) {
      throw new IllegalStateException("lockApplication needs a unit of work");
    }
    return database.write(
        "lock application " + application,
        connection -> {
          ApplicationRows.lock(connection, application);
          return summaries(connection, SUMMARIES_OF_APPLICATION, application.value());
        });
  }

  /**
   * Inserts the user row of a new bot, then the bot row (two statements; the application row is
   * there since {@link #lockApplication} made it), or, when the user row exists, updates the stored
   * bot (three: the insert that did nothing, then both rows). New bots go first because
   * registrations outnumber updates. A taken e-mail address or code fails with a unique violation,
   * reported as a write conflict.
   */
  @Override
  public void save(Bot bot) {
    BotRow row = BotRow.from(bot);
    database.write(
        "save bot " + bot.id(),
        connection -> {
          if (insertUserIfNew(connection, row)) {
            insertBot(connection, row);
          } else if (updateBot(connection, row) == 1) {
            updateUser(connection, row);
          } else {
            throw new IllegalStateException("user " + row.userId() + " is not a bot");
          }
          return null;
        });
  }

  @Override
  public void delete(BotId id) {
    database.write(
        "delete bot " + id,
        connection -> {
          return Database.update(connection, DELETE, id.value());
        });
  }

  @Override
  public Optional<Bot> findById(BotId id) {
    return database.read(
        "find bot " + id, connection -> select(connection, BY_ID, id.value()).stream().findFirst());
  }

  /** One query over the bot table alone. */
  @Override
  public List<BotSummary> listAll() {
    return database.read("list bots", connection -> summaries(connection, ALL_SUMMARIES));
  }

  private static List<Bot> select(Connection connection, String sql, Object... parameters)
      throws SQLException {
    return Database.query(connection, sql, row -> BotRow.read(row).toBot(), parameters);
  }

  private static List<BotSummary> summaries(Connection connection, String sql, Object... parameters)
      throws SQLException {
    return Database.query(
        connection,
        sql,
        row ->
            BotSummary.of(
                BotId.of(row.getLong(1)),
                ApplicationKey.of(row.getString(2)),
                BotCode.of(row.getString(3)),
                row.getString(4),
                row.getString(5),
                row.getBoolean(6)),
        parameters);
  }

  private static int updateBot(Connection connection, BotRow row) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(UPDATE_BOT)) {
      row.bindBotValues(update, 1);
      update.setLong(BotRow.BOT_VALUE_COUNT + 1, row.userId());
      return update.executeUpdate();
    }
  }

  private static void updateUser(Connection connection, BotRow row) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(UPDATE_USER)) {
      update.setString(1, row.email());
      update.setLong(2, row.userId());
      update.executeUpdate();
    }
  }

  private static boolean insertUserIfNew(Connection connection, BotRow row) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_USER_IF_NEW)) {
      insert.setLong(1, row.userId());
      insert.setString(2, row.email());
      insert.setLong(3, row.userId());
      return insert.executeUpdate() == 1;
    }
  }

  private static void insertBot(Connection connection, BotRow row) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_BOT)) {
      insert.setLong(1, row.userId());
      insert.setString(2, row.applicationKey());
      row.bindBotValues(insert, 3);
      insert.executeUpdate();
    }
  }
}
