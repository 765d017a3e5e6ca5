package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandTranslation;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Persistence adapter: slash commands in {@code slash_command}, their titles in {@code
 * slash_command_translation}. The bot's foreign key deletes a bot's commands with it; {@code (bot,
 * command)} is unique, so a registration that loses to a concurrent one is a write conflict.
 */
@Singleton
public final class JdbcSlashCommands implements SlashCommands {
  private static final String SELECT = "SELECT " + SlashCommandRow.COLUMNS + " FROM slash_command";
  private static final String INSERT =
      "INSERT INTO slash_command ("
          + SlashCommandRow.COLUMNS
          + ") VALUES (:id, :botId, :applicationKey, :command, :common, :hidden,"
          + " :extranetSupport)";
  private static final String UPDATE =
      "UPDATE slash_command SET command = :command, common = :common, hidden = :hidden,"
          + " extranet_support = :extranetSupport WHERE id = :id";
  private static final String TRANSLATIONS =
      "SELECT command_id, language_id, position, title, params FROM slash_command_translation"
          + " WHERE command_id IN (<ids>) ORDER BY command_id, position";
  private static final String INSERT_TRANSLATION =
      "INSERT INTO slash_command_translation (command_id, language_id, position, title, params)"
          + " VALUES (:commandId, :languageId, :position, :title, :params)";

  private final Database database;

  JdbcSlashCommands(Database database) {
    this.database = database;
  }

  @Override
  public CommandId nextId() {
    return database.write(
        "next command id",
        handle ->
            CommandId.of(
                handle
                    .createQuery("SELECT nextval('slash_command_id_seq')")
                    .mapTo(Long.class)
                    .one()));
  }

  /** Updates the row (or inserts it) and writes its titles again. */
  @Override
  public void save(SlashCommand command) {
    database.write(
        "save command " + command.id(),
        handle -> {
          SlashCommandRow row = SlashCommandRow.from(command);
          if (handle.createUpdate(UPDATE).bindMethods(row).execute() == 0) {
            handle.createUpdate(INSERT).bindMethods(row).execute();
          }
          handle
              .createUpdate("DELETE FROM slash_command_translation WHERE command_id = :id")
              .bind("id", command.id().value())
              .execute();
          if (!command.translations().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(INSERT_TRANSLATION);
            int position = 0;
            for (CommandTranslation translation : command.translations()) {
              batch
                  .bind("commandId", command.id().value())
                  .bind("languageId", translation.languageId())
                  .bind("position", position++)
                  .bind("title", translation.title())
                  .bind("params", translation.params())
                  .add();
            }
            batch.execute();
          }
          return null;
        });
  }

  @Override
  public void delete(CommandId id) {
    database.write(
        "delete command " + id,
        handle ->
            handle
                .createUpdate("DELETE FROM slash_command WHERE id = :id")
                .bind("id", id.value())
                .execute());
  }

  @Override
  public Optional<SlashCommand> find(CommandId id) {
    return first("find command " + id, SELECT + " WHERE id = :id", Map.of("id", id.value()));
  }

  @Override
  public Optional<SlashCommand> findOfBot(BotId bot, CommandName name) {
    return first(
        "find command /" + name + " of bot " + bot,
        SELECT + " WHERE bot_id = :bot AND command = :command",
        Map.of("bot", bot.value(), "command", name.value()));
  }

  @Override
  public Optional<SlashCommand> findOfApplication(ApplicationKey application, CommandName name) {
    return first(
        "find command /" + name + " of " + application,
        SELECT + " WHERE application_key = :application AND command = :command ORDER BY id LIMIT 1",
        Map.of("application", application.value(), "command", name.value()));
  }

  @Override
  public List<SlashCommand> named(CommandName name) {
    return database.read(
        "commands named /" + name,
        handle ->
            withTranslations(
                handle,
                handle
                    .createQuery(SELECT + " WHERE command = :command ORDER BY id")
                    .bind("command", name.value())
                    .mapTo(SlashCommandRow.class)
                    .list()));
  }

  private Optional<SlashCommand> first(String action, String sql, Map<String, Object> values) {
    return database.read(
        action,
        handle ->
            withTranslations(
                    handle,
                    handle.createQuery(sql).bindMap(values).mapTo(SlashCommandRow.class).list())
                .stream()
                .findFirst());
  }

  /** The rows as commands, their titles read in one more query (none when there are no rows). */
  private static List<SlashCommand> withTranslations(Handle handle, List<SlashCommandRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<CommandTranslation>> translations = new LinkedHashMap<>();
    rows.forEach(row -> translations.put(row.id(), new ArrayList<>()));
    handle
        .createQuery(TRANSLATIONS)
        .bindList("ids", new ArrayList<>(translations.keySet()))
        .mapTo(CommandTranslationRow.class)
        .forEach(t -> translations.get(t.commandId()).add(t.toTranslation()));
    return rows.stream().map(row -> row.toCommand(translations.get(row.id()))).toList();
  }
}
