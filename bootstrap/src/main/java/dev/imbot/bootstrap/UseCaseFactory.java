package dev.imbot.bootstrap;

import dev.imbot.application.port.in.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.AdministerPeopleUseCase;
import dev.imbot.application.port.in.AdministerWebhooksUseCase;
import dev.imbot.application.port.in.AuthenticateCallerUseCase;
import dev.imbot.application.port.in.ListBotsUseCase;
import dev.imbot.application.port.in.RegisterBotUseCase;
import dev.imbot.application.port.in.UnregisterBotUseCase;
import dev.imbot.application.port.in.UpdateBotUseCase;
import dev.imbot.application.port.out.ApplicationHandlers;
import dev.imbot.application.port.out.Bots;
import dev.imbot.application.port.out.ClientApplications;
import dev.imbot.application.port.out.EventOutbox;
import dev.imbot.application.port.out.InboundWebhooks;
import dev.imbot.application.port.out.People;
import dev.imbot.application.port.out.PortalUsers;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.service.AdministerApplicationsService;
import dev.imbot.application.service.AdministerPeopleService;
import dev.imbot.application.service.AdministerWebhooksService;
import dev.imbot.application.service.AuthenticateCallerService;
import dev.imbot.application.service.ListBotsService;
import dev.imbot.application.service.RegisterBotService;
import dev.imbot.application.service.UnregisterBotService;
import dev.imbot.application.service.UpdateBotService;
import dev.imbot.domain.BotLimitPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Composition root: builds the framework-free services over the persistence adapter's ports, so the
 * application layer never sees Micronaut.
 */
@Factory
public class UseCaseFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  BotLimitPolicy botLimit(
      @Value("${imbot.registration.max-bots-per-application:5}") int maxBotsPerApplication) {
    return new BotLimitPolicy(maxBotsPerApplication);
  }

  @Singleton
  RegisterBotUseCase register(
      Bots bots,
      ApplicationHandlers handlers,
      PortalUsers users,
      UnitOfWork unitOfWork,
      Clock clock,
      BotLimitPolicy limit) {
    return new RegisterBotService(bots, handlers, users, unitOfWork, clock, limit);
  }

  @Singleton
  UnregisterBotUseCase unregister(
      Bots bots,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new UnregisterBotService(bots, handlers, outbox, unitOfWork, clock);
  }

  @Singleton
  UpdateBotUseCase update(
      Bots bots, ApplicationHandlers handlers, PortalUsers users, UnitOfWork unitOfWork) {
    return new UpdateBotService(bots, handlers, users, unitOfWork);
  }

  @Singleton
  ListBotsUseCase list(Bots bots) {
    return new ListBotsService(bots);
  }

  @Singleton
  AuthenticateCallerUseCase authenticate(
      InboundWebhooks webhooks, ClientApplications applications, Clock clock) {
    return new AuthenticateCallerService(webhooks, applications, clock);
  }

  @Singleton
  AdministerApplicationsUseCase administerApplications(
      ClientApplications applications,
      Bots bots,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new AdministerApplicationsService(
        applications, bots, handlers, outbox, unitOfWork, clock);
  }

  @Singleton
  AdministerWebhooksUseCase administerWebhooks(
      InboundWebhooks webhooks, People people, UnitOfWork unitOfWork, Clock clock) {
    return new AdministerWebhooksService(webhooks, people, unitOfWork, clock);
  }

  @Singleton
  AdministerPeopleUseCase administerPeople(
      People people, PortalUsers users, UnitOfWork unitOfWork) {
    return new AdministerPeopleService(people, users, unitOfWork);
  }
}
