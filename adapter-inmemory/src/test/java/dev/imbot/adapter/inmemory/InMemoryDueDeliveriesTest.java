package dev.imbot.adapter.inmemory;

import dev.imbot.application.contract.DueDeliveriesContract;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.event.AuthSubjects;
import java.time.Instant;

class InMemoryDueDeliveriesTest extends DueDeliveriesContract {
  private final InMemoryDueDeliveries store = new InMemoryDueDeliveries();

  @Override
  protected DueDeliveries store() {
    return store;
  }

  @Override
  protected long enqueue(String application, String event, String url, Instant dueAt) {
    return store.add(application, event, 1, url, DATA, AuthSubjects.none(), dueAt);
  }

  @Override
  protected Seen seen(long id) {
    InMemoryDueDeliveries.Stored s = store.find(id).orElseThrow();
    return new Seen(s.status(), s.attemptsMade(), s.nextAttemptAt(), s.lastError(), s.attempts());
  }
}
