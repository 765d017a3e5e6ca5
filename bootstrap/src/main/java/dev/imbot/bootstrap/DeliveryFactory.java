package dev.imbot.bootstrap;

import dev.imbot.adapter.delivery.DeliveryMeters;
import dev.imbot.adapter.delivery.DeliveryWorker;
import dev.imbot.adapter.delivery.HostResolver;
import dev.imbot.adapter.delivery.NettyWebhookSender;
import dev.imbot.adapter.persistence.JdbcDeliveryLog;
import dev.imbot.adapter.persistence.JdbcEventOutbox;
import dev.imbot.application.port.in.delivery.DeliverDueEventsUseCase;
import dev.imbot.application.port.in.portal.ApplicationInstallUseCase;
import dev.imbot.application.port.in.portal.MintEventTokensUseCase;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.application.port.out.delivery.SigningSecrets;
import dev.imbot.application.service.delivery.DeliverDueEventsService;
import dev.imbot.domain.delivery.Cidr;
import dev.imbot.domain.delivery.DeliveryPolicy;
import dev.imbot.domain.delivery.HostGate;
import dev.imbot.domain.delivery.NetworkGuard;
import dev.imbot.domain.delivery.RetrySchedule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Composition root of event delivery: the worker, its service and the HTTP sender, configured under
 * {@code imbot.delivery}; on unless {@code imbot.delivery.enabled=false}. The worker starts with
 * the service, wakes when an enqueuing unit of work commits, and stops gracefully with it.
 */
@Factory
@Requires(property = "imbot.delivery.enabled", notEquals = "false")
public class DeliveryFactory {

  @Singleton
  @Named("delivery")
  ExecutorService deliveryExecutor() {
    return Executors.newCachedThreadPool(
        runnable -> {
          Thread thread = new Thread(runnable, "imbot-delivery-http");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Singleton
  NetworkGuard networkGuard(@Value("${imbot.delivery.allowed-networks:}") String allowedNetworks) {
    List<Cidr> allowed =
        Arrays.stream(allowedNetworks.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Cidr::parse)
            .toList();
    return new NetworkGuard(allowed);
  }

  @Singleton
  HostGate hostGate(
      @Value("${imbot.delivery.max-in-flight-per-host:4}") int perHost,
      @Value("${imbot.delivery.max-in-flight:64}") int total,
      @Value("${imbot.delivery.failing-after:5}") int failingAfter) {
    return new HostGate(perHost, total, failingAfter);
  }

  /** The HTTP side of delivery; its connections close when the service stops. */
  @Singleton
  @Bean(preDestroy = "close")
  NettyWebhookSender webhookSender(
      NetworkGuard guard,
      @Named("delivery") ExecutorService executor,
      @Value("${imbot.delivery.connect-timeout:5s}") Duration connectTimeout,
      @Value("${imbot.delivery.attempt-timeout:15s}") Duration attemptTimeout) {
    return new NettyWebhookSender(
        guard, HostResolver.system(), connectTimeout, attemptTimeout, executor);
  }

  @Singleton
  DeliverDueEventsUseCase deliverDueEvents(
      DueDeliveries deliveries,
      MintEventTokensUseCase tokens,
      ApplicationInstallUseCase install,
      SigningSecrets secrets,
      NettyWebhookSender sender,
      HostGate gate,
      Clock clock,
      @Value("${imbot.delivery.retry-schedule:0s,5s,5m,30m,2h,5h,10h,10h}") String schedule,
      @Value("${imbot.delivery.jitter:0.2}") double jitter,
      @Value("${imbot.delivery.attempt-timeout:15s}") Duration attemptTimeout,
      @Value("${imbot.delivery.lease:60s}") Duration lease,
      MeterRegistry registry,
      @Named("delivery") ExecutorService executor) {
    if (lease.compareTo(attemptTimeout.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "imbot.delivery.lease must be at least twice the attempt timeout, or a slow attempt's"
              + " delivery could be claimed by another instance while it runs");
    }
    SecureRandom random = new SecureRandom();
    return new DeliverDueEventsService(
        deliveries,
        tokens,
        install,
        sender,
        secrets,
        new DeliveryPolicy(RetrySchedule.parse(schedule, jitter), random::nextDouble),
        gate,
        clock,
        lease,
        "imbot-registry/" + version(),
        DeliveryMeters.forWorker(registry, gate),
        executor);
  }

  @Bean(preDestroy = "close")
  @Singleton
  DeliveryWorker deliveryWorker(
      DeliverDueEventsUseCase useCase,
      JdbcEventOutbox outbox,
      JdbcDeliveryLog log,
      @Value("${imbot.delivery.worker-name:}") String name,
      @Value("${imbot.delivery.batch-size:64}") int batchSize,
      @Value("${imbot.delivery.poll-interval:1s}") Duration pollInterval,
      @Value("${imbot.delivery.shutdown-grace:10s}") Duration shutdownGrace,
      @Value("${imbot.delivery.lease:60s}") Duration lease) {
    DeliveryWorker worker =
        new DeliveryWorker(
            useCase, name.isBlank() ? defaultName() : name, batchSize, pollInterval, shutdownGrace);
    outbox.onCommitted(worker::wakeFor);
    outbox.takeLocally(
        new JdbcEventOutbox.Taker(worker.name(), lease, worker::takes, worker::handOff));
    log.onReplayed(worker::wake);
    return worker;
  }

  /** Unique among the instances sharing a database: the host's name and a random suffix. */
  private static String defaultName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "instance";
    }
    String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    return name.length() > 100 ? name.substring(name.length() - 100) : name;
  }

  private static String version() {
    String version = DeliveryFactory.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
