package dev.imbot.domain.command;

import dev.imbot.domain.chat.MemberBot;
import java.util.Objects;

/**
 * A stored command with its bot as message routing sees it (its code, its Open Lines flag), what
 * recognition needs to decide where the command is available.
 */
public record RegisteredCommand(SlashCommand command, MemberBot bot) {

  public RegisteredCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(bot, "bot");
    if (!command.bot().equals(bot.id())) {
      throw new IllegalArgumentException(
          "the command " + command.id() + " is not " + bot.id() + "'s");
    }
  }
}
