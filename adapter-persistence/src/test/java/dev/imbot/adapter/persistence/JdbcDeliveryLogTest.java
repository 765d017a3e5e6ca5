package dev.imbot.adapter.persistence;

import dev.imbot.application.contract.DeliveryLogContract;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.application.port.out.delivery.DeliveryReplays;
import dev.imbot.application.port.out.delivery.DeliveryRetention;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** {@link JdbcDeliveryLog} against the contract of the operator's delivery ports. */
abstract class JdbcDeliveryLogTest extends DeliveryLogContract {
  DatabaseInstance instance;

  protected abstract TestDatabase database();

  @BeforeEach
  void freshSchema() {
    database().freshPortal();
    instance = database().instance();
  }

  @Override
  protected DueDeliveries worker() {
    return instance.dueDeliveries();
  }

  @Override
  protected DeliveryLog log() {
    return instance.deliveryLog();
  }

  @Override
  protected DeliveryReplays replays() {
    return instance.deliveryLog();
  }

  @Override
  protected DeliveryRetention retention() {
    return instance.deliveryLog();
  }

  /** Through the outbox, as the use cases record events: the bots are the auth subjects. */
  @Override
  protected long enqueue(
      String application, String event, String url, List<Long> bots, Instant at) {
    return instance.enqueue(
        new PendingEvent(
            ApplicationKey.of(application),
            event,
            BINDING,
            HandlerUrl.of(url),
            DATA,
            new AuthSubjects(null, bots.stream().map(UserId::of).toList()),
            at));
  }
}
