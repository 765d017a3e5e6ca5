package dev.imbot.bootstrap;

import dev.imbot.adapter.delivery.DeliveryWorker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Starts the delivery worker once the service is up (it stops with the context). */
@Singleton
@Requires(property = "imbot.delivery.enabled", notEquals = "false")
final class DeliveryWorkerStarter {
  private final DeliveryWorker worker;

  DeliveryWorkerStarter(DeliveryWorker worker) {
    this.worker = worker;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    worker.start();
  }
}
