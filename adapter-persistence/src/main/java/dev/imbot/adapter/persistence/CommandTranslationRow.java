package dev.imbot.adapter.persistence;

import dev.imbot.domain.command.CommandTranslation;

/** A {@code slash_command_translation} row: one language's title of a command. */
public record CommandTranslationRow(
    long commandId, String languageId, int position, String title, String params) {

  CommandTranslation toTranslation() {
    return new CommandTranslation(languageId, title, params);
  }
}
