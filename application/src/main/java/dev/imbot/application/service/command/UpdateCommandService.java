package dev.imbot.application.service.command;

import dev.imbot.application.port.in.command.UpdateCommandCommand;
import dev.imbot.application.port.in.command.UpdateCommandUseCase;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.command.CommandChange;
import dev.imbot.domain.command.CommandHandler;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.command.CommandRejectionReason;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.event.HandlerUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service: {@code imbot.command.update}. Checks the command, then the handler, then the fields, in
 * Bitrix24's order; stores the change and re-binds the application's command handler when one is
 * given. A new name another command of the bot has is refused ("Command can't be updated").
 */
public final class UpdateCommandService implements UpdateCommandUseCase {
  private final SlashCommands commands;
  private final ApplicationHandlers handlers;
  private final UnitOfWork unitOfWork;
  private final AuditRecorder audit;

  public UpdateCommandService(
      SlashCommands commands,
      ApplicationHandlers handlers,
      UnitOfWork unitOfWork,
      AuditRecorder audit) {
    this.commands = commands;
    this.handlers = handlers;
    this.unitOfWork = unitOfWork;
    this.audit = audit;
  }

  public UpdateCommandService(
      SlashCommands commands, ApplicationHandlers handlers, UnitOfWork unitOfWork) {
    this(commands, handlers, unitOfWork, AuditRecorder.none());
  }

  @Override
  public void update(UpdateCommandCommand command) {
    SlashCommand found = OwnedCommand.require(commands, command.commandId(), command.application());
    Map<?, ?> fields = command.fields() instanceof Map<?, ?> map ? map : Map.of();
    Object rawHandler = fields.get("EVENT_COMMAND_ADD");
    Optional<HandlerUrl> handler =
        CommandHandler.forUpdate(
            rawHandler instanceof String text ? text : null, command.application());
    CommandChange change = CommandChange.read(fields);
    if (change.isEmpty() && handler.isEmpty()) {
      throw CommandRejection.refuse(CommandRejectionReason.UPDATE_FIELDS_EMPTY);
    }
    ConflictRetry.run(
        unitOfWork,
        () -> {
          SlashCommand current = OwnedCommand.owned(commands, found.id(), command.application());
          if (!change.isEmpty()) {
            SlashCommand changed = current.changed(change);
            if (!changed.name().equals(current.name())
                && commands.findOfBot(current.bot(), changed.name()).isPresent()) {
              throw CommandRejection.refuse(CommandRejectionReason.UPDATE_FAILED);
            }
            commands.save(changed);
          }
          handler.ifPresent(url -> handlers.bindCommandHandler(command.application(), url));
          audit.record(
              AuditAction.COMMAND_UPDATED,
              current.bot(),
              command.application(),
              "command " + current.id(),
              changedFields(change, handler.isPresent()));
          return null;
        },
        CommandRejection.of(CommandRejectionReason.UPDATE_FAILED));
  }

  private static String changedFields(CommandChange change, boolean handler) {
    List<String> names = new ArrayList<>();
    change.name().ifPresent(n -> names.add("COMMAND"));
    change.hidden().ifPresent(h -> names.add("HIDDEN"));
    change.extranetSupport().ifPresent(e -> names.add("EXTRANET_SUPPORT"));
    change.translations().ifPresent(t -> names.add("LANG"));
    if (handler) {
      names.add("EVENT_COMMAND_ADD");
    }
    return String.join(", ", names);
  }
}
