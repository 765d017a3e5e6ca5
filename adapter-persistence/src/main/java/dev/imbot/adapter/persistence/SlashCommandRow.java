package dev.imbot.adapter.persistence;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandTranslation;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;

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
