package dev.imbot.adapter.rest;

import dev.imbot.application.inmemory.InMemoryClientApplications;
import dev.imbot.application.inmemory.InMemoryInboundWebhooks;
import dev.imbot.application.inmemory.InMemoryTestPortal;
import dev.imbot.application.port.in.audit.ActingAs;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.UnregisterBotUseCase;
import dev.imbot.application.port.in.bot.UpdateBotUseCase;
import dev.imbot.application.port.in.health.CheckReadinessUseCase;
import dev.imbot.application.port.in.limit.AdmitRequestUseCase;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.application.port.in.portal.AuthenticateCallerUseCase;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.application.service.health.CheckReadinessService;
import dev.imbot.application.service.limit.AdmitRequestService;
import dev.imbot.application.service.portal.AdministerApplicationsService;
import dev.imbot.application.service.portal.AdministerPeopleService;
import dev.imbot.application.service.portal.AdministerWebhooksService;
import dev.imbot.application.service.portal.AuthenticateCallerService;
import dev.imbot.domain.bot.BotLimitPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Test wiring: the REST adapter over the in-memory ports, as bootstrap wires it over the database.
 * Every test class gets its own application context, so its own empty portal (with person 1, the
 * administrator, as the in-memory portal starts).
 */
@Factory
public class InMemoryServices {

  @Singleton
  InMemoryTestPortal portal() {
    return new InMemoryTestPortal();
  }

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  InMemoryInboundWebhooks webhooks(InMemoryTestPortal portal) {
    return new InMemoryInboundWebhooks(portal.unitOfWork());
  }

  @Singleton
  InMemoryClientApplications applications(InMemoryTestPortal portal) {
    return new InMemoryClientApplications(portal.unitOfWork());
  }

  @Singleton
  AuthenticateCallerUseCase authenticate(
      InMemoryInboundWebhooks webhooks, InMemoryClientApplications applications, Clock clock) {
    return new AuthenticateCallerService(webhooks, applications, clock);
  }

  @Singleton
  RegisterBotUseCase register(InMemoryTestPortal portal, Clock clock) {
    return portal.registerUseCase(BotLimitPolicy.defaultLimit(), clock);
  }

  @Singleton
  UnregisterBotUseCase unregister(InMemoryTestPortal portal, Clock clock) {
    return portal.unregisterUseCase(clock);
  }

  @Singleton
  UpdateBotUseCase update(InMemoryTestPortal portal) {
    return portal.updateUseCase();
  }

  @Singleton
  ListBotsUseCase list(InMemoryTestPortal portal) {
    return portal.listUseCase();
  }

  @Singleton
  AdministerApplicationsUseCase administerApplications(
      InMemoryClientApplications applications, InMemoryTestPortal portal, Clock clock) {
    return new AdministerApplicationsService(
        applications,
        portal.bots(),
        portal.handlers(),
        portal.outbox(),
        portal.unitOfWork(),
        clock);
  }

  @Singleton
  AdministerWebhooksUseCase administerWebhooks(
      InMemoryInboundWebhooks webhooks, InMemoryTestPortal portal, Clock clock) {
    return new AdministerWebhooksService(webhooks, portal.users(), portal.unitOfWork(), clock);
  }

  @Singleton
  AdministerPeopleUseCase administerPeople(InMemoryTestPortal portal) {
    return new AdministerPeopleService(portal.users(), portal.users(), portal.unitOfWork());
  }

  /** The in-memory portal has no database to lose. */
  @Singleton
  CheckReadinessUseCase readiness() {
    return new CheckReadinessService(() -> {});
  }

  /** The request-rate limit, off as by default; its buckets are tested on the real service. */
  @Singleton
  AdmitRequestUseCase admitRequest() {
    return AdmitRequestService.off();
  }

  /** No audit trail in memory: the trail is tested on the real service. */
  @Singleton
  ActingAs actingAs() {
    return AuditRecorder.none();
  }
}
