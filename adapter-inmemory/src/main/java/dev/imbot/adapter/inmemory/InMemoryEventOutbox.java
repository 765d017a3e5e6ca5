package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.PendingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory adapter of {@link EventOutbox}: keeps the deliveries in enqueue order. Ids come from a
 * counter that, like a database identity, is not given back when the unit of work rolls back.
 */
public final class InMemoryEventOutbox implements EventOutbox, Snapshottable {
  private final AtomicLong lastId = new AtomicLong();
  private List<Delivery> deliveries = new ArrayList<>();

  public InMemoryEventOutbox(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized long enqueue(PendingEvent event) {
    Delivery delivery = Delivery.enqueued(lastId.incrementAndGet(), event);
    deliveries.add(delivery);
    return delivery.id();
  }

  @Override
  public synchronized List<Delivery> page(long afterId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    return deliveries.stream().filter(d -> d.id() > afterId).limit(limit).toList();
  }

  /** Every event enqueued so far, in order: what an embedder or a test looks at. */
  public synchronized List<PendingEvent> enqueued() {
    return deliveries.stream().map(Delivery::event).toList();
  }

  @Override
  public synchronized Runnable snapshot() {
    List<Delivery> copy = new ArrayList<>(deliveries);
    return () -> {
      synchronized (this) {
        deliveries = copy;
      }
    };
  }
}
