package dev.imbot.application.service.command;

import dev.imbot.application.port.in.command.UnregisterCommandCommand;
import dev.imbot.application.port.in.command.UnregisterCommandUseCase;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.command.CommandRejectionReason;
import dev.imbot.domain.command.SlashCommand;

/**
 * Service: {@code imbot.command.unregister}. Deletes one of the caller's commands; the command
 * handler stays bound for the application's other commands.
 */
public final class UnregisterCommandService implements UnregisterCommandUseCase {
  private final SlashCommands commands;
  private final UnitOfWork unitOfWork;
  private final AuditRecorder audit;

  public UnregisterCommandService(
      SlashCommands commands, UnitOfWork unitOfWork, AuditRecorder audit) {
    this.commands = commands;
    this.unitOfWork = unitOfWork;
    this.audit = audit;
  }

  public UnregisterCommandService(SlashCommands commands, UnitOfWork unitOfWork) {
    this(commands, unitOfWork, AuditRecorder.none());
  }

  @Override
  public void unregister(UnregisterCommandCommand command) {
    SlashCommand found = OwnedCommand.require(commands, command.commandId(), command.application());
    ConflictRetry.run(
        unitOfWork,
        () -> {
          SlashCommand current = OwnedCommand.owned(commands, found.id(), command.application());
          commands.delete(current.id());
          audit.record(
              AuditAction.COMMAND_UNREGISTERED,
              current.bot(),
              command.application(),
              "command " + current.id(),
              "command /" + current.name());
          return null;
        },
        CommandRejection.of(CommandRejectionReason.DELETION_FAILED));
  }
}
