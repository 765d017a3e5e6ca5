package dev.imbot.adapter.persistence;

import dev.imbot.domain.command.CommandTranslation;
import org.jdbi.v3.core.mapper.RowMapper;

/** A {@code slash_command_translation} row: one language's title of a command. */
public record CommandTranslationRow(
    long commandId, String languageId, int position, String title, String params) {
  /** Maps a row by column name, without reflection. */
  static final RowMapper<CommandTranslationRow> MAPPER =
      (rs, context) ->
          new CommandTranslationRow(
              rs.getLong("command_id"),
              rs.getString("language_id"),
              rs.getInt("position"),
              rs.getString("title"),
              rs.getString("params"));

  CommandTranslation toTranslation() {
    return new CommandTranslation(languageId, title, params);
  }
}
