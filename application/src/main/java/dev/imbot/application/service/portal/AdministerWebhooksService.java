package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Service: the operator's inbound webhooks, and the one created on first start. */
public final class AdministerWebhooksService implements AdministerWebhooksUseCase {
  /** The portal's first user, the administrator, for whom the first-start webhook is made. */
  public static final long FIRST_USER_ID = 1;

  private final InboundWebhooks webhooks;
  private final People people;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public AdministerWebhooksService(
      InboundWebhooks webhooks, People people, UnitOfWork unitOfWork, Clock clock) {
    this.webhooks = webhooks;
    this.people = people;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public IssuedWebhook create(long userId) {
    return unitOfWork.run(
        () -> {
          if (userId <= 0 || people.find(UserId.of(userId)).isEmpty()) {
            throw new AdministrationException(Kind.NOT_FOUND, "no portal user " + userId);
          }
          String secret = SecretHash.newSecret();
          InboundWebhook webhook = webhooks.add(userId, SecretHash.of(secret), clock.instant());
          return new IssuedWebhook(webhook, secret);
        });
  }

  @Override
  public List<InboundWebhook> list() {
    return webhooks.listAll();
  }

  @Override
  public void delete(long webhookId) {
    unitOfWork.run(
        () -> {
          if (webhooks.find(webhookId).isEmpty()) {
            throw new AdministrationException(Kind.NOT_FOUND, "no webhook " + webhookId);
          }
          webhooks.delete(webhookId);
          return webhookId;
        });
  }

  @Override
  public Optional<IssuedWebhook> createFirstWebhookIfNone() {
    return unitOfWork.run(
        () -> webhooks.listAll().isEmpty() ? Optional.of(create(FIRST_USER_ID)) : Optional.empty());
  }
}
