package dev.imbot.bootstrap;

import dev.imbot.adapter.delivery.DeliveryWorker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Starts the delivery worker once the server listens (it stops with the context), idle: its first
 * round comes with the first event committed here or one poll interval later, after the first
 * requests rather than beside them (decisions 122, 168); nothing can be enqueued through this
 * instance before it listens anyway.
 */
@Singleton
@Requires(property = "imbot.delivery.enabled", notEquals = "false")
final class DeliveryWorkerStarter {
  private final DeliveryWorker worker;

  DeliveryWorkerStarter(DeliveryWorker worker) {
    this.worker = worker;
  }

  @EventListener
  void onServerStartup(ServerStartupEvent event) {
    worker.startIdle();
  }
}
