package dev.imbot.application.service.command;

import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.command.CommandRejectionReason;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.ApplicationKey;

/** The checks the command methods share: the command exists and the caller owns it. */
final class OwnedCommand {
  private OwnedCommand() {}

  /**
   * {@code COMMAND_ID_ERROR} when {@code commandId} names no command, {@code APP_ID_ERROR} when
   * another application owns it.
   */
  static SlashCommand require(SlashCommands commands, String commandId, ApplicationKey caller) {
    return owned(commands, CommandId.parse(commandId), caller);
  }

  /** The command again (inside a unit of work): gone meanwhile is {@code COMMAND_ID_ERROR}. */
  static SlashCommand owned(SlashCommands commands, CommandId id, ApplicationKey caller) {
    SlashCommand command =
        commands
            .find(id)
            .orElseThrow(() -> CommandRejection.refuse(CommandRejectionReason.COMMAND_NOT_FOUND));
    if (!command.belongsTo(caller)) {
      throw CommandRejection.refuse(CommandRejectionReason.COMMAND_OF_ANOTHER_APPLICATION);
    }
    return command;
  }
}
