package dev.imbot.bootstrap;

import dev.imbot.adapter.console.ConsoleAccess;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.application.service.portal.PortalIdentitySource;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * On first start with an empty database, creates an inbound webhook for portal user 1 and prints
 * its URL (under the portal's public URL) once (the secret is stored only as a hash, so this is the
 * one chance to see it), over http and, while https is on, over https. At every start it prints
 * where https is served and, for the self-signed certificate, its file and SHA-256 fingerprint, so
 * clients can be told to trust it, and the console's sign-in link for this start (as Jupyter prints
 * its own).
 */
@Singleton
public final class FirstStartWebhook implements ApplicationEventListener<ServerStartupEvent> {
  private final AdministerWebhooksUseCase webhooks;
  private final HttpsSetup https;
  private final ConsoleAccess console;
  private final PortalIdentitySource portal;

  public FirstStartWebhook(
      AdministerWebhooksUseCase webhooks,
      @Nullable HttpsSetup https,
      ConsoleAccess console,
      PortalIdentitySource portal) {
    this.webhooks = webhooks;
    this.https = https;
    this.console = console;
    this.portal = portal;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    ServedUrls urls = ServedUrls.of(event.getSource(), https);
    // The public URL (imbot.portal.public-url; the served http URL when none is configured).
    String publicUrl = portal.identity().publicUrl();
    // Deliberately stdout, not the log: the webhook is shown once and must not land in log files.
    webhooks
        .createFirstWebhookIfNone()
        .ifPresent(
            issued -> {
              System.out.println(
                  "First start: inbound webhook for portal user 1: "
                      + publicUrl
                      + issued.restPath());
              urls.https()
                  .ifPresent(
                      base ->
                          System.out.println(
                              "First start: the same webhook over https: "
                                  + base
                                  + issued.restPath()));
            });
    urls.https().ifPresent(base -> System.out.println(httpsLine(base)));
    // Stdout too: the link signs in until the next start.
    System.out.println("Console: " + publicUrl + console.signInPath());
  }

  private String httpsLine(String base) {
    return https
        .selfSigned()
        .map(
            certificate ->
                "HTTPS: "
                    + base
                    + "/ with the self-signed certificate "
                    + certificate.certificate()
                    + " (SHA-256 "
                    + certificate.sha256Fingerprint()
                    + "); Node.js trusts it with NODE_EXTRA_CA_CERTS="
                    + certificate.certificate())
        .orElse("HTTPS: " + base + "/ with the configured certificate");
  }
}
