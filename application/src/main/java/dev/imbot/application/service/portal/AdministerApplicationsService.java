package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.application.service.bot.BotRemoval;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.SecretHash;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Service: the operator's applications; removing one removes its bots like unregister does. */
public final class AdministerApplicationsService implements AdministerApplicationsUseCase {
  private final ClientApplications applications;
  private final Bots bots;
  private final ApplicationHandlers handlers;
  private final EventOutbox outbox;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final AuditRecorder audit;

  public AdministerApplicationsService(
      ClientApplications applications,
      Bots bots,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock) {
    this(applications, bots, handlers, outbox, unitOfWork, clock, AuditRecorder.none());
  }

  public AdministerApplicationsService(
      ClientApplications applications,
      Bots bots,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    this.audit = audit;
    this.applications = applications;
    this.bots = bots;
    this.handlers = handlers;
    this.outbox = outbox;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public IssuedApplication register(RegisterApplicationCommand command) {
    ApplicationKey key;
    try {
      key = ApplicationKey.of(command.clientId().strip());
    } catch (IllegalArgumentException e) {
      throw new AdministrationException(Kind.INVALID, "client_id: " + e.getMessage());
    }
    String token = command.accessToken() == null ? SecretHash.newSecret() : command.accessToken();
    return unitOfWork.run(
        () -> {
          Optional<ClientApplication> existing = applications.find(key);
          String applicationToken =
              existing.map(ClientApplication::applicationToken).orElseGet(SecretHash::newSecret);
          ClientApplication application =
              new ClientApplication(
                  key, SecretHash.of(token), command.accessTokenExpiresAt(), applicationToken);
          applications.save(application);
          audit.record(
              existing.isPresent()
                  ? AuditAction.APPLICATION_TOKEN_REPLACED
                  : AuditAction.APPLICATION_CREATED,
              null,
              key,
              null,
              existing.isPresent() ? "access token replaced" : null);
          return new IssuedApplication(application, token);
        });
  }

  @Override
  public List<ClientApplication> list() {
    return applications.listAll();
  }

  @Override
  public RemovedApplication remove(ApplicationKey key) {
    return unitOfWork.run(
        () -> {
          if (applications.find(key).isEmpty()) {
            throw new AdministrationException(Kind.NOT_FOUND, "no application " + key);
          }
          List<BotSummary> applicationBots = bots.lockApplication(key);
          for (BotSummary bot : applicationBots) {
            BotRemoval.remove(bot, bots, handlers, outbox, clock.instant());
            audit.record(
                AuditAction.BOT_UNREGISTERED,
                bot.id(),
                key,
                null,
                "code " + bot.code().value() + ", with its application");
          }
          handlers.removeAll(key);
          applications.delete(key);
          audit.record(
              AuditAction.APPLICATION_REMOVED,
              null,
              key,
              null,
              "bots removed: " + applicationBots.size());
          return new RemovedApplication(key, applicationBots.size());
        });
  }
}
