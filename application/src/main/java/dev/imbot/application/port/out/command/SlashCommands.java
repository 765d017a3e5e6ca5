package dev.imbot.application.port.out.command;

import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: the registered slash commands. A bot's commands go with the bot: once {@code
 * Bots.delete} removed it, none of them is found any more.
 */
public interface SlashCommands {

  /** Takes the next command id. */
  CommandId nextId();

  /**
   * Inserts a new command or replaces the stored one with the same id. A bot has one command of a
   * name; saving another throws {@link WriteConflictException}, as a concurrent registration that
   * lost does. The command's bot must exist.
   */
  void save(SlashCommand command);

  /** Deletes the command; nothing happens when there is none. */
  void delete(CommandId id);

  Optional<SlashCommand> find(CommandId id);

  /** The bot's command of that name. */
  Optional<SlashCommand> findOfBot(BotId bot, CommandName name);

  /** The application's command of that name with the lowest id. */
  Optional<SlashCommand> findOfApplication(ApplicationKey application, CommandName name);

  /** Every command of that name, whichever bot's, in id order. */
  List<SlashCommand> named(CommandName name);
}
