package dev.imbot.bootstrap;

import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * On first start with an empty database, creates an inbound webhook for portal user 1 and prints
 * its URL once (the secret is stored only as a hash, so this is the one chance to see it).
 */
@Singleton
public final class FirstStartWebhook implements ApplicationEventListener<ServerStartupEvent> {
  private final AdministerWebhooksUseCase webhooks;

  public FirstStartWebhook(AdministerWebhooksUseCase webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    webhooks
        .createFirstWebhookIfNone()
        .ifPresent(
            issued -> {
              String base = event.getSource().getURL().toString().replace("localhost", "127.0.0.1");
              // Deliberately stdout, not the log: it is shown once and must not land in log files.
              System.out.println(
                  "First start: inbound webhook for portal user 1: " + base + issued.restPath());
            });
  }
}
