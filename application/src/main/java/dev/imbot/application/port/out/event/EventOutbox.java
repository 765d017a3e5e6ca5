package dev.imbot.application.port.out.event;

import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.PendingEvent;
import java.util.List;

/**
 * Outgoing port: events waiting for delivery to handlers, recorded in the same unit of work as the
 * change that caused them so none is lost, each with where its delivery stands.
 */
public interface EventOutbox {

  /**
   * Records {@code event} as a pending delivery, due at once; joins the current unit of work.
   *
   * @return the delivery's id, positive and increasing in enqueue order
   */
  long enqueue(PendingEvent event);

  /**
   * Up to {@code limit} deliveries with an id above {@code afterId}, in id (enqueue) order: a page
   * of the store, for the operator and for pull consumers that acknowledge by cursor.
   */
  List<Delivery> page(long afterId, int limit);
}
