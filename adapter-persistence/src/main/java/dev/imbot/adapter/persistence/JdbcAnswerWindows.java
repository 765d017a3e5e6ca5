package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.command.AnswerWindows;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.ChatId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Persistence adapter: {@code command_answer_window}, one row per bot and chat with the last time a
 * command of the bot was sent there; the bot's and the chat's foreign keys delete it with them.
 */
@Singleton
public final class JdbcAnswerWindows implements AnswerWindows {
  // Standard MERGE (PostgreSQL 15, H2). Posts lock their chat first, so two sends for one chat
  // never race; a conflict would be retried with the post.
  private static final String UPSERT =
      "MERGE INTO command_answer_window w USING (SELECT CAST(:bot AS BIGINT) AS bot_id,"
          + " CAST(:chat AS BIGINT) AS chat_id, CAST(:sentAt AS TIMESTAMP WITH TIME ZONE) AS"
          + " sent_at) s ON (w.bot_id = s.bot_id AND w.chat_id = s.chat_id)"
          + " WHEN MATCHED THEN UPDATE SET sent_at = s.sent_at"
          + " WHEN NOT MATCHED THEN INSERT (bot_id, chat_id, sent_at)"
          + " VALUES (s.bot_id, s.chat_id, s.sent_at)";

  private final Database database;

  JdbcAnswerWindows(Database database) {
    this.database = database;
  }

  @Override
  public void commandSent(BotId bot, ChatId chat, Instant at) {
    database.write(
        "open the answer window of bot " + bot + " in chat " + chat,
        handle ->
            handle
                .createUpdate(UPSERT)
                .bind("bot", bot.value())
                .bind("chat", chat.value())
                .bind("sentAt", at)
                .execute());
  }

  @Override
  public Optional<Instant> lastCommandSent(BotId bot, ChatId chat) {
    return database.read(
        "answer window of bot " + bot + " in chat " + chat,
        handle ->
            handle
                .createQuery(
                    "SELECT sent_at FROM command_answer_window WHERE bot_id = :bot AND chat_id ="
                        + " :chat")
                .bind("bot", bot.value())
                .bind("chat", chat.value())
                .mapTo(Instant.class)
                .findOne());
  }
}
