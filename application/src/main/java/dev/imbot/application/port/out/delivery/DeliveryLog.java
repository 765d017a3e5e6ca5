package dev.imbot.application.port.out.delivery;

import dev.imbot.domain.delivery.DeliveryBacklog;
import dev.imbot.domain.delivery.DeliveryDetails;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DeliveryPage;
import dev.imbot.domain.delivery.HandlerActivity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: the stored deliveries as the operator reads them: listed by filter, one with its
 * attempt log and body, each handler's recent activity, and the backlog. Reads only.
 */
public interface DeliveryLog {

  /** The deliveries {@code filter} matches, newest first, {@code limit} from {@code offset}. */
  DeliveryPage find(DeliveryFilter filter, int offset, int limit);

  /** Delivery {@code id} with its attempt log, oldest first; empty when there is none. */
  Optional<DeliveryDetails> details(long id);

  /**
   * Each handler URL's attempts started at or after {@code since}, one entry per handler with any,
   * ordered by URL; only {@code application}'s handlers when it is not null.
   */
  List<HandlerActivity> activity(Instant since, String application);

  /** How many deliveries are pending (and since when the oldest) and how many are dead. */
  DeliveryBacklog backlog();
}
