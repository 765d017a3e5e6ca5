package dev.imbot.application.service.bot;

import dev.imbot.application.port.in.bot.UnregisterBotCommand;
import dev.imbot.application.port.in.bot.UnregisterBotUseCase;
import dev.imbot.application.port.in.bot.UnregisteredBot;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Clock;
import java.util.List;

/**
 * Service: {@code imbot.unregister}. Deletes the bot and its tokens, records {@code ONIMBOTDELETE}
 * for the application's bot-delete handler, and drops the application's bindings with its last bot.
 */
public final class UnregisterBotService implements UnregisterBotUseCase {
  private final Bots bots;
  private final ApplicationHandlers handlers;
  private final OAuthTokens tokens;
  private final EventOutbox outbox;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final AuditRecorder audit;

  public UnregisterBotService(
      Bots bots,
      ApplicationHandlers handlers,
      OAuthTokens tokens,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock) {
    this(bots, handlers, tokens, outbox, unitOfWork, clock, AuditRecorder.none());
  }

  public UnregisterBotService(
      Bots bots,
      ApplicationHandlers handlers,
      OAuthTokens tokens,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    this.audit = audit;
    this.bots = bots;
    this.handlers = handlers;
    this.tokens = tokens;
    this.outbox = outbox;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public UnregisteredBot unregister(UnregisterBotCommand command) {
    return ConflictRetry.run(
        unitOfWork,
        () -> unregister(command.application(), command.botId()),
        BotRejection.of(BotRejectionReason.DELETION_FAILED));
  }

  private UnregisteredBot unregister(ApplicationKey application, BotId id) {
    OwnedBot.require(bots.findById(id), application);
    List<BotSummary> applicationBots = bots.lockApplication(application);
    BotSummary bot = OwnedBot.among(applicationBots, id);
    BotRemoval.remove(bot, bots, handlers, tokens, outbox, clock.instant());
    audit.record(AuditAction.BOT_UNREGISTERED, id, application, null, "code " + bot.code().value());
    if (applicationBots.size() == 1) {
      handlers.removeAll(application);
    }
    return new UnregisteredBot(id, bot.code());
  }
}
