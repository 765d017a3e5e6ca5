package dev.imbot.application.service.command;

import dev.imbot.application.port.in.command.RegisterCommandCommand;
import dev.imbot.application.port.in.command.RegisterCommandUseCase;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.command.CommandHandler;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandRejection;
import dev.imbot.domain.command.CommandRejectionReason;
import dev.imbot.domain.command.CommandTranslation;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import java.util.Optional;

/**
 * Service: {@code imbot.command.register}. Checks the handler, the name, the bot and the titles in
 * Bitrix24's order, then, under the application's lock, stores the command (or finds the bot's
 * command of that name: registering again returns its id) and binds the application's command
 * handler, the last one bound winning.
 */
public final class RegisterCommandService implements RegisterCommandUseCase {
  private final SlashCommands commands;
  private final Bots bots;
  private final ApplicationHandlers handlers;
  private final UnitOfWork unitOfWork;
  private final AuditRecorder audit;

  public RegisterCommandService(
      SlashCommands commands,
      Bots bots,
      ApplicationHandlers handlers,
      UnitOfWork unitOfWork,
      AuditRecorder audit) {
    this.commands = commands;
    this.bots = bots;
    this.handlers = handlers;
    this.unitOfWork = unitOfWork;
    this.audit = audit;
  }

  public RegisterCommandService(
      SlashCommands commands, Bots bots, ApplicationHandlers handlers, UnitOfWork unitOfWork) {
    this(commands, bots, handlers, unitOfWork, AuditRecorder.none());
  }

  @Override
  public CommandId register(RegisterCommandCommand command) {
    ApplicationKey application = command.application();
    HandlerUrl handler = CommandHandler.forRegistration(command.handler(), application);
    CommandName name = CommandName.parse(command.command(), "COMMAND");
    BotId botId = BotId.parse(command.botId());
    ownedBot(bots.findById(botId), application);
    List<CommandTranslation> translations = CommandTranslation.parse(command.lang(), "LANG");
    return ConflictRetry.run(
        unitOfWork,
        () -> {
          bots.lockApplication(application).stream()
              .filter(bot -> bot.id().equals(botId))
              .findFirst()
              .orElseThrow(() -> BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException());
          Optional<SlashCommand> existing = commands.findOfBot(botId, name);
          CommandId id;
          if (existing.isPresent()) {
            id = existing.get().id();
            audit.record(
                AuditAction.COMMAND_HANDLER_REBOUND, botId, application, "command " + id, null);
          } else {
            id = commands.nextId();
            commands.save(
                new SlashCommand(
                    id,
                    botId,
                    application,
                    name,
                    command.common(),
                    command.hidden(),
                    command.extranetSupport(),
                    translations));
            audit.record(
                AuditAction.COMMAND_REGISTERED,
                botId,
                application,
                "command " + id,
                "command /" + name);
          }
          handlers.bindCommandHandler(application, handler);
          return id;
        },
        CommandRejection.of(CommandRejectionReason.CREATION_FAILED));
  }

  /** {@code BOT_ID_ERROR} when there is no such bot, {@code APP_ID_ERROR} when it is another's. */
  private static void ownedBot(Optional<Bot> found, ApplicationKey caller) {
    Bot bot =
        found.orElseThrow(() -> BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException());
    if (!bot.belongsTo(caller)) {
      throw BotRejection.of(BotRejectionReason.BOT_OF_ANOTHER_APPLICATION).toException();
    }
  }
}
