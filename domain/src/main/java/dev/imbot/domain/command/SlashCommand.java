package dev.imbot.domain.command;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import java.util.Objects;

/**
 * A slash command a bot registered ({@code imbot.command.register}): its name, whether it answers
 * everywhere ({@code COMMON}) or only where its bot is, its flags and titles. It belongs to its
 * bot's application and goes with its bot. A bot has one command of a name.
 *
 * @param id the command's id, sent to handlers as {@code COMMAND_ID}
 * @param bot the bot that answers it
 * @param application the bot's application, the only one that may change or answer it
 * @param name what a person types after the slash
 * @param common {@code COMMON=Y}: recognised in any chat, not only where the bot is
 * @param hidden {@code HIDDEN=Y}: left out of the messenger's command list
 * @param extranetSupport {@code EXTRANET_SUPPORT=Y}: extranet users may use it
 * @param translations its titles, in the order given
 */
public record SlashCommand(
    CommandId id,
    BotId bot,
    ApplicationKey application,
    CommandName name,
    boolean common,
    boolean hidden,
    boolean extranetSupport,
    List<CommandTranslation> translations) {

  public SlashCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bot, "bot");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(name, "name");
    translations = List.copyOf(translations);
  }

  public boolean belongsTo(ApplicationKey caller) {
    return application.equals(caller);
  }

  /**
   * This command with {@code change} applied: each part given replaces the current one ({@code
   * COMMON} cannot be changed, as in Bitrix24).
   */
  public SlashCommand changed(CommandChange change) {
    return new SlashCommand(
        id,
        bot,
        application,
        change.name().orElse(name),
        common,
        change.hidden().orElse(hidden),
        change.extranetSupport().orElse(extranetSupport),
        change.translations().orElse(translations));
  }
}
