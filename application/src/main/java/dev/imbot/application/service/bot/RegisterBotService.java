package dev.imbot.application.service.bot;

import dev.imbot.application.port.in.bot.RegisterBotCommand;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.RegisteredBot;
import dev.imbot.application.port.in.bot.RegisteredBot.Outcome;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.application.service.ConflictRetry;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.bot.BotRegistration;
import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.bot.EmailDirectory;
import dev.imbot.domain.bot.EmailUniquenessPolicy;
import dev.imbot.domain.bot.IdempotentRegistrationPolicy;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.UserId;
import dev.imbot.domain.rejection.Rejection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Service: {@code imbot.register}. Checks the request on its own first (steps 2–9), then, under the
 * application's lock, the stored state: existing code (step 10), bot limit (step 11), e-mail (row
 * 12).
 */
public final class RegisterBotService implements RegisterBotUseCase {
  // The JDK's logger keeps the application layer free of logging frameworks; the service routes
  // it to logback (slf4j-jdk-platform-logging in bootstrap).
  private static final System.Logger LOG = System.getLogger(RegisterBotService.class.getName());

  private final Bots bots;
  private final ApplicationHandlers handlers;
  private final PortalUsers users;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final BotLimitPolicy limit;
  private final IdempotentRegistrationPolicy idempotency = new IdempotentRegistrationPolicy();
  private final EmailUniquenessPolicy emails = new EmailUniquenessPolicy();
  private final AuditRecorder audit;

  public RegisterBotService(
      Bots bots,
      ApplicationHandlers handlers,
      PortalUsers users,
      UnitOfWork unitOfWork,
      Clock clock,
      BotLimitPolicy limit) {
    this(bots, handlers, users, unitOfWork, clock, limit, AuditRecorder.none());
  }

  public RegisterBotService(
      Bots bots,
      ApplicationHandlers handlers,
      PortalUsers users,
      UnitOfWork unitOfWork,
      Clock clock,
      BotLimitPolicy limit,
      AuditRecorder audit) {
    this.audit = audit;
    this.bots = bots;
    this.handlers = handlers;
    this.users = users;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.limit = limit;
  }

  @Override
  public RegisteredBot register(RegisterBotCommand command) {
    if (command.type() != null && !BotType.isKnown(command.type())) {
      // Bitrix24 reads an unknown TYPE as B, and so do we (contract decision 6), but say so.
      LOG.log(System.Logger.Level.DEBUG, "unknown TYPE {0} read as B", command.type());
    }
    BotRegistration registration =
        BotRegistration.validate(
            command.code(),
            command.type(),
            command.openLine(),
            command.eventHandler(),
            command.handlers(),
            command.properties());
    return ConflictRetry.run(
        unitOfWork,
        () -> register(command.application(), registration),
        BotRejection.of(BotRejectionReason.CREATION_FAILED));
  }

  private RegisteredBot register(ApplicationKey application, BotRegistration registration) {
    List<BotSummary> applicationBots = bots.lockApplication(application);
    Optional<BotSummary> existing =
        idempotency.existingRegistration(applicationBots, registration.code());
    if (existing.isPresent()) {
      HandlerRebinding.rebind(handlers, application, registration.bindings());
      audit.record(
          AuditAction.BOT_HANDLERS_REBOUND,
          existing.get().id(),
          application,
          null,
          "code " + registration.code().value() + "; " + Audited.handlers(registration.bindings()));
      return new RegisteredBot(existing.get().id(), Outcome.ALREADY_REGISTERED);
    }
    Rejection.raiseIfPresent(limit.checkRoomForOneMore(applicationBots));
    // The users port answers the address question and hands out the id in one call (one round
    // trip on a database); the policy still decides, from that answer.
    Email email = registration.profile().emailAddress().orElse(null);
    Optional<UserId> newId = users.allocateUserIdUnlessEmailInUse(email);
    EmailDirectory answered = (address, except) -> newId.isEmpty();
    Rejection.raiseIfPresent(emails.checkNewBot(registration.profile(), answered));
    BotId id = BotId.of(newId.orElseThrow());
    // Recorded before the bot is stored, all in one unit of work: a store that keeps its audit
    // rows back until the next write (the persistence adapter does) sends both in one exchange.
    audit.record(
        AuditAction.BOT_REGISTERED,
        id,
        application,
        null,
        "code "
            + registration.code().value()
            + ", type "
            + registration.type().name()
            + "; "
            + Audited.handlers(registration.bindings()));
    bots.add(Bot.register(id, application, registration, clock.instant()));
    HandlerRebinding.rebind(handlers, application, registration.bindings());
    return new RegisteredBot(id, Outcome.CREATED);
  }
}
