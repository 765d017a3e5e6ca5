package dev.imbot.application.port.in.portal;

import dev.imbot.domain.portal.InboundWebhook;
import java.util.List;
import java.util.Optional;

/** Use case (operator): inbound webhooks ({@code /rest/<user>/<secret>/…}). */
public interface AdministerWebhooksUseCase {

  /**
   * Creates a webhook acting as {@code userId}.
   *
   * @throws AdministrationException {@code NOT_FOUND} when there is no such person
   */
  IssuedWebhook create(long userId);

  List<InboundWebhook> list();

  /**
   * @throws AdministrationException {@code NOT_FOUND}
   */
  void delete(long webhookId);

  /**
   * On first start: when no webhook exists at all, creates one for portal user 1 and returns it;
   * otherwise empty. Safe when several instances start at once.
   */
  Optional<IssuedWebhook> createFirstWebhookIfNone();

  /** Result: the webhook and its secret in clear, shown this once. */
  record IssuedWebhook(InboundWebhook webhook, String secret) {
    /** The path prefix of calls through it: {@code /rest/<user>/<secret>/}. */
    public String restPath() {
      return "/rest/" + webhook.userId() + "/" + secret + "/";
    }

    @Override
    public String toString() {
      return "IssuedWebhook[" + webhook.id() + ", user " + webhook.userId() + ", secret=…]";
    }
  }
}
