package dev.imbot.adapter.delivery;

import dev.imbot.adapter.inmemory.InMemoryDueDeliveries;
import dev.imbot.adapter.inmemory.InMemoryPortal;
import dev.imbot.adapter.inmemory.InMemorySigningSecrets;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.application.service.delivery.DeliverDueEventsService;
import dev.imbot.application.service.portal.ApplicationInstallService;
import dev.imbot.application.service.portal.OAuthTokensService;
import dev.imbot.application.service.portal.PortalIdentitySource;
import dev.imbot.domain.delivery.Cidr;
import dev.imbot.domain.delivery.DeliveryPolicy;
import dev.imbot.domain.delivery.HostGate;
import dev.imbot.domain.delivery.NetworkGuard;
import dev.imbot.domain.delivery.RetrySchedule;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: a worker, its service and sender over one store, with a clock the test moves and no
 * jitter (the middle of the ±20 % spread).
 */
final class DeliveryRig implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  static final String PUBLIC_URL = "http://127.0.0.1:8080";

  final MutableClock clock;
  final DueDeliveries store;
  final InMemorySigningSecrets secrets;
  final InMemoryPortal portal;
  final HostGate gate;
  final DeliverDueEventsService service;
  final DeliveryWorker worker;
  // The thread each attempt was handed to the sender on, in order.
  final List<String> sendingThreads = new CopyOnWriteArrayList<>();
  // Tasks the service handed to its after-exchange executor.
  final AtomicInteger afterExchangeTasks = new AtomicInteger();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final NettyWebhookSender sender;

  /** What a rig is built from. */
  record Settings(
      RetrySchedule schedule,
      NetworkGuard guard,
      Duration attemptTimeout,
      Duration pollInterval,
      int perHost,
      int total,
      Duration lease,
      String name) {
    static Settings defaults() {
      return new Settings(
          new RetrySchedule(RetrySchedule.DEFAULT.steps(), 0.2),
          new NetworkGuard(List.of(Cidr.parse("127.0.0.0/8"))),
          Duration.ofSeconds(15),
          Duration.ofMillis(20),
          4,
          64,
          Duration.ofSeconds(60),
          "worker-1");
    }

    Settings schedule(RetrySchedule s) {
      return new Settings(s, guard, attemptTimeout, pollInterval, perHost, total, lease, name);
    }

    Settings guard(NetworkGuard g) {
      return new Settings(schedule, g, attemptTimeout, pollInterval, perHost, total, lease, name);
    }

    Settings attemptTimeout(Duration t) {
      return new Settings(schedule, guard, t, pollInterval, perHost, total, lease, name);
    }

    Settings pollInterval(Duration p) {
      return new Settings(schedule, guard, attemptTimeout, p, perHost, total, lease, name);
    }

    Settings perHost(int p) {
      return new Settings(schedule, guard, attemptTimeout, pollInterval, p, total, lease, name);
    }

    Settings total(int t) {
      return new Settings(schedule, guard, attemptTimeout, pollInterval, perHost, t, lease, name);
    }

    Settings name(String n) {
      return new Settings(schedule, guard, attemptTimeout, pollInterval, perHost, total, lease, n);
    }
  }

  DeliveryRig(Settings settings) {
    this(
        settings,
        new InMemoryDueDeliveries(),
        new MutableClock(T0),
        new InMemorySigningSecrets(),
        new InMemoryPortal());
  }

  /** A rig over another rig's store, clock, secrets and portal: a second instance. */
  DeliveryRig(Settings settings, DeliveryRig other) {
    this(settings, other.store, other.clock, other.secrets, other.portal);
  }

  DeliveryRig(
      Settings settings,
      DueDeliveries store,
      MutableClock clock,
      InMemorySigningSecrets secrets,
      InMemoryPortal portal) {
    this.clock = clock;
    this.store = store;
    this.secrets = secrets;
    this.portal = portal;
    this.gate = new HostGate(settings.perHost(), settings.total(), 5);
    sender =
        new NettyWebhookSender(
            settings.guard(),
            HostResolver.system(),
            Duration.ofSeconds(5),
            settings.attemptTimeout(),
            executor);
    this.service =
        new DeliverDueEventsService(
            store,
            new OAuthTokensService(
                portal.applications(),
                portal.tokens(),
                new PortalIdentitySource(PUBLIC_URL, portal.settings()),
                Duration.ofHours(1),
                Duration.ofDays(28),
                clock),
            new ApplicationInstallService(portal.applications(), portal.unitOfWork()),
            request -> {
              sendingThreads.add(Thread.currentThread().getName());
              return sender.send(request);
            },
            secrets,
            new DeliveryPolicy(settings.schedule(), () -> 0.5),
            gate,
            clock,
            settings.lease(),
            "imbot-registry/test",
            outcome -> {},
            task -> {
              afterExchangeTasks.incrementAndGet();
              executor.execute(task);
            });
    this.worker =
        new DeliveryWorker(
            service, settings.name(), 64, settings.pollInterval(), Duration.ofSeconds(10));
    if (store instanceof InMemoryDueDeliveries memory) {
      memory.onEnqueued(worker::wake);
    }
  }

  InMemoryDueDeliveries memory() {
    return (InMemoryDueDeliveries) store;
  }

  /** Enqueues an {@code ONIMBOTDELETE} of an application the portal does not know, due now. */
  long enqueue(String url) {
    return enqueue("local.app.1", "ONIMBOTDELETE", url, DATA, AuthSubjects.none());
  }

  static final EventData DATA = EventData.builder().put("BOT_ID", "42").build();

  /** Enqueues {@code event} of {@code application} for {@code url}, due now on the rig's clock. */
  long enqueue(
      String application, String event, String url, EventData data, AuthSubjects subjects) {
    return memory().add(application, event, 1, url, data, subjects, clock.instant());
  }

  InMemoryDueDeliveries.Stored stored(long id) {
    return memory().find(id).orElseThrow();
  }

  @Override
  public void close() {
    worker.close();
    sender.close();
    executor.shutdownNow();
  }
}
