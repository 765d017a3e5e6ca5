package dev.imbot.adapter.persistence;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandTranslation;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/** A {@code slash_command} row: one bot's command, without its titles. */
public record SlashCommandRow(
    long id,
    long botId,
    String applicationKey,
    String command,
    boolean common,
    boolean hidden,
    boolean extranetSupport) {
  static final String COLUMNS =
      "id, bot_id, application_key, command, common, hidden, extranet_support";

  /** Maps a row by column name, without reflection. */
  static final RowMapper<SlashCommandRow> MAPPER =
      (rs, context) ->
          new SlashCommandRow(
              rs.getLong("id"),
              rs.getLong("bot_id"),
              rs.getString("application_key"),
              rs.getString("command"),
              rs.getBoolean("common"),
              rs.getBoolean("hidden"),
              rs.getBoolean("extranet_support"));

  static SlashCommandRow from(SlashCommand command) {
    return new SlashCommandRow(
        command.id().value(),
        command.bot().value(),
        command.application().value(),
        command.name().value(),
        command.common(),
        command.hidden(),
        command.extranetSupport());
  }

  SlashCommand toCommand(List<CommandTranslation> translations) {
    return new SlashCommand(
        CommandId.of(id),
        BotId.of(botId),
        ApplicationKey.of(applicationKey),
        CommandName.of(command),
        common,
        hidden,
        extranetSupport,
        translations);
  }
}
