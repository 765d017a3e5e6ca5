package dev.imbot.bootstrap;

import dev.imbot.adapter.delivery.DeliveryMeters;
import dev.imbot.application.port.in.delivery.ListDeliveriesUseCase;
import dev.imbot.application.port.in.delivery.PruneDeliveriesUseCase;
import dev.imbot.application.port.in.delivery.ReadDeliveryBacklogUseCase;
import dev.imbot.application.port.in.delivery.ReadHandlerHealthUseCase;
import dev.imbot.application.port.in.delivery.ShowDeliveryUseCase;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.application.port.out.delivery.DeliveryReplays;
import dev.imbot.application.port.out.delivery.DeliveryRetention;
import dev.imbot.application.port.out.delivery.SigningSecrets;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.application.service.delivery.ListDeliveriesService;
import dev.imbot.application.service.delivery.PruneDeliveriesService;
import dev.imbot.application.service.delivery.ReadDeliveryBacklogService;
import dev.imbot.application.service.delivery.ReadHandlerHealthService;
import dev.imbot.application.service.delivery.ReplayDeliveriesService;
import dev.imbot.application.service.delivery.ShowDeliveryService;
import dev.imbot.application.service.delivery.SigningSecretService;
import dev.imbot.domain.delivery.RetentionPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Composition root of what the operator sees of deliveries (docs/delivery.md): listing, one
 * delivery, replays, handler health, signing secrets, retention and the backlog's meters. Present
 * in every instance, whether or not it runs a delivery worker.
 */
@Factory
public class DeliveryOperationsFactory {

  @Singleton
  ListDeliveriesUseCase listDeliveries(DeliveryLog log) {
    return new ListDeliveriesService(log);
  }

  @Singleton
  ShowDeliveryUseCase showDelivery(DeliveryLog log, Clock clock) {
    return new ShowDeliveryService(log, clock);
  }

  /** Both replays: one delivery, and the dead ones of a filter. */
  @Singleton
  ReplayDeliveriesService replayDeliveries(
      DeliveryLog log,
      DeliveryReplays replays,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    return new ReplayDeliveriesService(log, replays, unitOfWork, clock, audit);
  }

  /** Failing after as many failures in a row as make the worker treat a host as failing. */
  @Singleton
  ReadHandlerHealthUseCase handlerHealth(
      DeliveryLog log, Clock clock, @Value("${imbot.delivery.failing-after:5}") int failingAfter) {
    return new ReadHandlerHealthService(log, clock, failingAfter);
  }

  /** Showing and rotating an application's signing secret. */
  @Singleton
  SigningSecretService signingSecret(
      SigningSecrets secrets,
      ClientApplications applications,
      ApplicationHandlers handlers,
      DeliveryLog log,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    return new SigningSecretService(secrets, applications, handlers, log, unitOfWork, clock, audit);
  }

  /**
   * Retention: {@code imbot.delivery.retention.delivered} (7 days) and {@code
   * imbot.delivery.retention.dead} (30 days), counted from when a delivery finished.
   */
  @Singleton
  PruneDeliveriesUseCase pruneDeliveries(
      DeliveryRetention retention,
      Clock clock,
      @Value("${imbot.delivery.retention.delivered:7d}") Duration delivered,
      @Value("${imbot.delivery.retention.dead:30d}") Duration dead) {
    return new PruneDeliveriesService(retention, new RetentionPolicy(delivered, dead), clock);
  }

  @Singleton
  ReadDeliveryBacklogUseCase deliveryBacklog(DeliveryLog log) {
    return new ReadDeliveryBacklogService(log);
  }

  /** The backlog's gauges on the registry {@code /metrics} scrapes, bound at start. */
  @Context
  BacklogGauges backlogGauges(
      MeterRegistry registry, ReadDeliveryBacklogUseCase backlog, Clock clock) {
    DeliveryMeters.bindBacklog(registry, backlog, clock);
    return new BacklogGauges();
  }

  /** Marks that the backlog's gauges are bound. */
  static final class BacklogGauges {}
}
