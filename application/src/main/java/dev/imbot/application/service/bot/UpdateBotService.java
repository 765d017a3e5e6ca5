package dev.imbot.application.service.bot;

import dev.imbot.application.port.in.bot.UpdateBotCommand;
import dev.imbot.application.port.in.bot.UpdateBotUseCase;
import dev.imbot.application.port.in.bot.UpdatedBot;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotUpdate;
import dev.imbot.domain.bot.CodeUniquenessPolicy;
import dev.imbot.domain.bot.EmailUniquenessPolicy;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.RejectedException;
import dev.imbot.domain.rejection.Rejection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Service: {@code imbot.update}. Order: the bot exists and is the caller's, then {@code FIELDS}
 * (empty, handlers, name, other fields), then the stored state (code and e-mail in use).
 */
public final class UpdateBotService implements UpdateBotUseCase {
  private final Bots bots;
  private final ApplicationHandlers handlers;
  private final UnitOfWork unitOfWork;
  private final CodeUniquenessPolicy codes = new CodeUniquenessPolicy();
  private final EmailUniquenessPolicy emails = new EmailUniquenessPolicy();
  private final PortalEmailDirectory directory;
  private final AuditRecorder audit;

  public UpdateBotService(
      Bots bots, ApplicationHandlers handlers, PortalUsers users, UnitOfWork unitOfWork) {
    this(bots, handlers, users, unitOfWork, AuditRecorder.none());
  }

  public UpdateBotService(
      Bots bots,
      ApplicationHandlers handlers,
      PortalUsers users,
      UnitOfWork unitOfWork,
      AuditRecorder audit) {
    this.audit = audit;
    this.bots = bots;
    this.handlers = handlers;
    this.unitOfWork = unitOfWork;
    this.directory = new PortalEmailDirectory(users);
  }

  @Override
  public UpdatedBot update(UpdateBotCommand command) {
    return ConflictRetry.run(
        unitOfWork, () -> apply(command), BotRejection.of(BotRejectionReason.UPDATE_FAILED));
  }

  private UpdatedBot apply(UpdateBotCommand command) {
    OwnedBot.require(bots.findById(command.botId()), command.application());
    BotUpdate update =
        inFields(
            () ->
                BotUpdate.validate(
                    command.code(),
                    command.eventHandler(),
                    command.handlers(),
                    command.properties()));
    List<BotSummary> applicationBots = bots.lockApplication(command.application());
    // Read again under the lock: what was read before it may have changed or gone meanwhile.
    Bot before = OwnedBot.require(bots.findById(command.botId()), command.application());
    Bot after = inFields(() -> before.update(update));
    if (update.code().isPresent()) {
      Rejection.raiseIfPresent(codes.checkCodeChange(applicationBots, before, after.code()));
    }
    Rejection.raiseIfPresent(emails.checkUpdatedBot(before, after, directory));
    bots.save(after);
    HandlerRebinding.rebind(handlers, command.application(), update.bindings());
    audit.record(
        AuditAction.BOT_UPDATED, after.id(), command.application(), null, Audited.fields(update));
    return new UpdatedBot(after);
  }

  /**
   * Runs a step of the domain, naming an invalid field as the method's caller sent it: the domain
   * names fields as they stand inside {@code FIELDS} ({@code PROPERTIES[COLOR]}).
   */
  private static <T> T inFields(Supplier<T> step) {
    try {
      return step.get();
    } catch (RejectedException rejected) {
      if (rejected.rejection() instanceof InvalidField field) {
        throw field.nestedUnder("FIELDS").toException();
      }
      throw rejected;
    }
  }
}
