package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.bot.BotDeletedNotice;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Persistence adapter: the event outbox in {@code event_outbox}, written in the caller's unit of
 * work so an event is recorded exactly when its change is.
 */
@Singleton
public final class JdbcEventOutbox implements EventOutbox {
  private static final String INSERT =
      "INSERT INTO event_outbox (application_key, event, handler_url, bot_id, bot_code, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String ALL =
      "SELECT application_key, event, handler_url, bot_id, bot_code, created_at"
          + " FROM event_outbox ORDER BY id";

  private final Database database;

  JdbcEventOutbox(Database database) {
    this.database = database;
  }

  @Override
  public void enqueue(BotDeletedNotice notice) {
    EventOutboxRow row = EventOutboxRow.from(notice);
    database.write(
        "enqueue " + row.event(),
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, row.applicationKey());
            insert.setString(2, row.event());
            insert.setString(3, row.handlerUrl());
            insert.setLong(4, row.botId());
            insert.setString(5, row.botCode());
            insert.setObject(6, OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC));
            return insert.executeUpdate();
          }
        });
  }

  /** Every event recorded and not yet delivered, in the order they were enqueued. */
  public List<BotDeletedNotice> enqueued() {
    return database.read(
        "read the event outbox",
        connection ->
            Database.query(
                connection,
                ALL,
                row ->
                    new EventOutboxRow(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getLong(4),
                            row.getString(5),
                            row.getObject(6, OffsetDateTime.class).toInstant())
                        .toNotice()));
  }
}
