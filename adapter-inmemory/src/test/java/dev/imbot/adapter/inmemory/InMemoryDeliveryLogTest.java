package dev.imbot.adapter.inmemory;

import dev.imbot.application.contract.DeliveryLogContract;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.application.port.out.delivery.DeliveryReplays;
import dev.imbot.application.port.out.delivery.DeliveryRetention;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.List;

/** The operator's delivery ports on {@link InMemoryDueDeliveries}. */
class InMemoryDeliveryLogTest extends DeliveryLogContract {
  private final InMemoryDueDeliveries store = new InMemoryDueDeliveries();

  @Override
  protected DueDeliveries worker() {
    return store;
  }

  @Override
  protected DeliveryLog log() {
    return store;
  }

  @Override
  protected DeliveryReplays replays() {
    return store;
  }

  @Override
  protected DeliveryRetention retention() {
    return store;
  }

  @Override
  protected long enqueue(
      String application, String event, String url, List<Long> bots, Instant at) {
    return store.add(
        application,
        event,
        BINDING,
        url,
        DATA,
        new AuthSubjects(null, bots.stream().map(UserId::of).toList()),
        at);
  }
}
