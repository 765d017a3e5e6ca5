package dev.imbot.application.service;

import dev.imbot.application.port.in.RegisterBotCommand;
import dev.imbot.application.port.in.RegisterBotUseCase;
import dev.imbot.application.port.in.RegisteredBot;
import dev.imbot.application.port.in.RegisteredBot.Outcome;
import dev.imbot.application.port.out.ApplicationHandlers;
import dev.imbot.application.port.out.Bots;
import dev.imbot.application.port.out.PortalUsers;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.domain.ApplicationKey;
import dev.imbot.domain.Bot;
import dev.imbot.domain.BotId;
import dev.imbot.domain.BotLimitPolicy;
import dev.imbot.domain.BotRegistration;
import dev.imbot.domain.BotSummary;
import dev.imbot.domain.BotType;
import dev.imbot.domain.EmailUniquenessPolicy;
import dev.imbot.domain.IdempotentRegistrationPolicy;
import dev.imbot.domain.Rejection;
import dev.imbot.domain.RejectionReason;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Service: {@code imbot.register}. Checks the request on its own first (rows 2–9), then, under the
 * application's lock, the stored state: existing code (row 10), bot limit (row 11), e-mail (row
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
  private final PortalEmailDirectory directory;

  public RegisterBotService(
      Bots bots,
      ApplicationHandlers handlers,
      PortalUsers users,
      UnitOfWork unitOfWork,
      Clock clock,
      BotLimitPolicy limit) {
    this.bots = bots;
    this.handlers = handlers;
    this.users = users;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.limit = limit;
    this.directory = new PortalEmailDirectory(users);
  }

  @Override
  public RegisteredBot register(RegisterBotCommand command) {
    if (command.type() != null && !BotType.isKnown(command.type())) {
      // Bitrix24 reads an unknown TYPE as B, and so do we (spec decision 6), but say so.
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
        RejectionReason.CREATION_FAILED);
  }

  private RegisteredBot register(ApplicationKey application, BotRegistration registration) {
    List<BotSummary> applicationBots = bots.lockApplication(application);
    Optional<BotSummary> existing =
        idempotency.existingRegistration(applicationBots, registration.code());
    if (existing.isPresent()) {
      HandlerRebinding.rebind(handlers, application, registration.bindings());
      return new RegisteredBot(existing.get().id(), Outcome.ALREADY_REGISTERED);
    }
    Rejection.raiseIfPresent(limit.checkRoomForOneMore(applicationBots));
    Rejection.raiseIfPresent(emails.checkNewBot(registration.profile(), directory));
    BotId id = users.allocateUserId();
    bots.save(Bot.register(id, application, registration, clock.instant()));
    HandlerRebinding.rebind(handlers, application, registration.bindings());
    return new RegisteredBot(id, Outcome.CREATED);
  }
}
