package dev.imbot.adapter.rest;

import dev.imbot.application.inmemory.InMemoryClientApplications;
import dev.imbot.application.inmemory.InMemoryInboundWebhooks;
import dev.imbot.application.inmemory.InMemoryTestPortal;
import dev.imbot.application.port.in.AuthenticateCallerUseCase;
import dev.imbot.application.port.in.ListBotsUseCase;
import dev.imbot.application.port.in.RegisterBotUseCase;
import dev.imbot.application.port.in.UnregisterBotUseCase;
import dev.imbot.application.port.in.UpdateBotUseCase;
import dev.imbot.application.service.AuthenticateCallerService;
import dev.imbot.domain.BotLimitPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Test wiring: the REST adapter over the in-memory ports, as bootstrap wires it over the database.
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
}
