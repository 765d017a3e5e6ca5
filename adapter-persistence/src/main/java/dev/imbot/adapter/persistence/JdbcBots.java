package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotListing;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Persistence adapter: bots in the {@code bot} table, each with its {@code portal_user} row (a bot
 * is a portal user: same id space, same e-mail namespace). Profile and avatar bytes are columns of
 * the bot row, so one query reads whole bots.
 */
@Singleton
public final class JdbcBots implements Bots {
  private static final NamedStatement BY_ID =
      NamedStatement.of(
          "SELECT "
              + BotRow.COLUMNS
              + " FROM bot b JOIN portal_user u ON u.id = b.user_id WHERE b.user_id = :id");
  // Summaries read the bot row alone: no join, no profile details, no avatar bytes.
  private static final NamedStatement SUMMARIES_OF_APPLICATION =
      NamedStatement.of(
          "SELECT "
              + BotSummaries.COLUMNS
              + " FROM bot WHERE application_key = :application ORDER BY user_id");
  // imbot.bot.list's columns only: on PostgreSQL each column of a thousand rows costs the server
  // some 0.1 µs a row to send, which for this list is more than the rest of the statement.
  private static final NamedStatement ALL_LISTINGS =
      NamedStatement.of(
          "SELECT user_id, code, name, last_name, open_lines FROM bot ORDER BY user_id");
  private static final RowMapper<BotListing> LISTING =
      (rs, context) ->
          BotListing.of(
              BotId.of(rs.getLong(1)),
              BotCode.of(rs.getString(2)),
              rs.getString(3),
              rs.getString(4),
              rs.getBoolean(5));
  private static final NamedStatement ALL_SUMMARIES =
      NamedStatement.of("SELECT " + BotSummaries.COLUMNS + " FROM bot ORDER BY user_id");

  // Inserts the user row unless one with the id exists: one statement tells a new bot (ids come
  // from a sequence, so a new bot's id is never taken) from a stored one. The casts type the
  // parameters of the SELECT list for H2.
  private static final NamedStatement INSERT_USER_IF_NEW =
      NamedStatement.of(
          "INSERT INTO portal_user (id, kind, email) SELECT CAST(:userId AS BIGINT), 'BOT',"
              + " CAST(:email AS VARCHAR(255)) WHERE NOT EXISTS (SELECT 1 FROM portal_user WHERE"
              + " id = :userId)");
  private static final NamedStatement UPDATE_USER =
      NamedStatement.of(
          "UPDATE portal_user SET email = :email WHERE id = :userId AND kind = 'BOT'");
  private static final NamedStatement INSERT_BOT =
      NamedStatement.of(
          "INSERT INTO bot (user_id, application_key, code, type, open_lines, name, last_name,"
              + " color, birthday, work_position, personal_www, gender, avatar, avatar_format,"
              + " avatar_width, avatar_height, registered_at) VALUES (:userId, :applicationKey,"
              + " :code, :type, :openLines, :name, :lastName, :color, :birthday, :workPosition,"
              + " :personalWww, :gender, :avatar, :avatarFormat, :avatarWidth, :avatarHeight,"
              + " :registeredAt)");
  // A bot whose id was just allocated: its user row, then its bot row, which Database sends in
  // one exchange where statements cost a round trip each (PostgreSQL).
  private static final List<NamedStatement> INSERT_NEW =
      List.of(
          NamedStatement.of(
              "INSERT INTO portal_user (id, kind, email) VALUES (:userId, 'BOT', :email)"),
          INSERT_BOT);
  // A bot never moves to another application, so the application is not rewritten.
  private static final NamedStatement UPDATE_BOT =
      NamedStatement.of(
          "UPDATE bot SET code = :code, type = :type, open_lines = :openLines, name = :name,"
              + " last_name = :lastName, color = :color, birthday = :birthday,"
              + " work_position = :workPosition, personal_www = :personalWww, gender = :gender,"
              + " avatar = :avatar, avatar_format = :avatarFormat, avatar_width = :avatarWidth,"
              + " avatar_height = :avatarHeight, registered_at = :registeredAt"
              + " WHERE user_id = :userId");
  // The bot row goes with its user row (ON DELETE CASCADE).
  private static final String DELETE = "DELETE FROM portal_user WHERE id = :id AND kind = 'BOT'";

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
    return database.writeSql(
        "lock application " + application,
        connection -> {
          ApplicationRows.lock(connection, application);
          try (NamedStatement.Bound summaries = SUMMARIES_OF_APPLICATION.on(connection)) {
            return summaries.string("application", application.value()).list(BotSummaries.MAPPER);
          }
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
    database.writeSql(
        "save bot " + bot.id(),
        connection -> {
          if (execute(connection, INSERT_USER_IF_NEW, row) == 1) {
            execute(connection, INSERT_BOT, row);
          } else if (execute(connection, UPDATE_BOT, row) == 1) {
            execute(connection, UPDATE_USER, row);
          } else {
            throw new IllegalStateException("user " + row.userId() + " is not a bot");
          }
          return null;
        });
  }

  /**
   * Both rows (see {@link #INSERT_NEW}), with whatever the unit of work held back until its next
   * write (its audit row): one round trip on PostgreSQL. A taken id or e-mail conflicts.
   */
  @Override
  public void add(Bot bot) {
    BotRow row = BotRow.from(bot);
    database.writeWithDeferred("add bot " + bot.id(), INSERT_NEW, row::bindTo);
  }

  @Override
  public void delete(BotId id) {
    database.write(
        "delete bot " + id, handle -> handle.createUpdate(DELETE).bind("id", id.value()).execute());
  }

  @Override
  public Optional<Bot> findById(BotId id) {
    return database.readSql(
        "find bot " + id,
        connection -> {
          try (NamedStatement.Bound find = BY_ID.on(connection)) {
            return find.number("id", id.value()).first(BotRow.MAPPER).map(BotRow::toBot);
          }
        });
  }

  /** One query over the bot table alone. */
  @Override
  public List<BotSummary> listAll() {
    return every(ALL_SUMMARIES, BotSummaries.MAPPER);
  }

  /** One query of the columns the list shows. */
  @Override
  public List<BotListing> listAllListings() {
    return every(ALL_LISTINGS, LISTING);
  }

  /** Every row {@code query} (without parameters) reads, mapped. */
  private <T> List<T> every(NamedStatement query, RowMapper<T> mapper) {
    return database.readSql(
        "list bots",
        connection -> {
          try (NamedStatement.Bound all = query.on(connection)) {
            return all.list(mapper);
          }
        });
  }

  private static int execute(Connection connection, NamedStatement sql, BotRow row)
      throws SQLException {
    try (NamedStatement.Bound statement = sql.on(connection)) {
      return row.bindTo(statement).update();
    }
  }
}
