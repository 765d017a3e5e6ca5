package dev.imbot.application.service.delivery;

import dev.imbot.application.port.in.delivery.ReplayDeadDeliveriesCommand;
import dev.imbot.application.port.in.delivery.ReplayDeadDeliveriesUseCase;
import dev.imbot.application.port.in.delivery.ReplayDeliveryCommand;
import dev.imbot.application.port.in.delivery.ReplayDeliveryUseCase;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.application.port.out.delivery.DeliveryReplays;
import dev.imbot.application.port.out.delivery.DeliveryReplays.Replay;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.delivery.DeliveryDetails;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Service: the operator's replays, one delivery or the dead ones of a filter. Each replay and its
 * audit entry form one unit of work; a bulk replay goes in batches, one unit of work (and one audit
 * entry) each, so replaying thousands holds no lock for long.
 */
public final class ReplayDeliveriesService
    implements ReplayDeliveryUseCase, ReplayDeadDeliveriesUseCase {
  /** Deliveries per unit of work of a bulk replay. */
  static final int BATCH = 500;

  private final DeliveryLog log;
  private final DeliveryReplays replays;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final AuditRecorder audit;

  public ReplayDeliveriesService(
      DeliveryLog log,
      DeliveryReplays replays,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    this.log = Objects.requireNonNull(log, "log");
    this.replays = Objects.requireNonNull(replays, "replays");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public DeliveryRecord replay(ReplayDeliveryCommand command) {
    long id = command.deliveryId();
    return unitOfWork.run(
        () -> {
          DeliveryDetails before =
              log.details(id)
                  .orElseThrow(() -> new AdministrationException(Kind.NOT_FOUND, missing(id)));
          Replay replay = replays.replay(id, clock.instant());
          if (replay == Replay.UNKNOWN) {
            throw new AdministrationException(Kind.NOT_FOUND, missing(id));
          }
          if (replay == Replay.ALREADY_PENDING) {
            throw new AdministrationException(
                Kind.CONFLICT,
                "delivery " + id + " is pending: its attempts go on, replay it once it is dead");
          }
          DeliveryRecord was = before.delivery();
          audit.record(
              AuditAction.DELIVERY_REPLAYED,
              null,
              ApplicationKey.of(was.application()),
              "delivery " + id,
              // Never the handler URL: it may carry a token in its query.
              was.event() + ", was " + word(was.status()));
          return log.details(id).orElseThrow().delivery();
        });
  }

  @Override
  public int replayDead(ReplayDeadDeliveriesCommand command) {
    DeliveryFilter filter = command.filter().withStatus(DeliveryStatus.DEAD);
    int total = 0;
    while (true) {
      int replayed =
          unitOfWork.run(
              () -> {
                int count = replays.replayDead(filter, clock.instant(), BATCH);
                if (count > 0) {
                  audit.record(
                      AuditAction.DELIVERY_REPLAYED,
                      null,
                      filter.application() == null ? null : ApplicationKey.of(filter.application()),
                      count == 1 ? "1 dead delivery" : count + " dead deliveries",
                      "dead deliveries where " + describe(filter));
                }
                return count;
              });
      total += replayed;
      if (replayed < BATCH) {
        return total;
      }
    }
  }

  private static String missing(long id) {
    return "no delivery " + id;
  }

  private static String word(DeliveryStatus status) {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The filter in words for the audit trail, e.g. {@code event=ONIMBOTDELETE, bot_id=2}. */
  static String describe(DeliveryFilter filter) {
    List<String> parts = new ArrayList<>();
    if (filter.application() != null) {
      parts.add("application=" + filter.application());
    }
    if (filter.botId() != null) {
      parts.add("bot_id=" + filter.botId());
    }
    if (filter.event() != null) {
      parts.add("event=" + filter.event());
    }
    if (filter.handlerUrl() != null) {
      parts.add("one handler URL"); // not the URL: it may carry a token in its query
    }
    if (filter.from() != null) {
      parts.add("from=" + filter.from());
    }
    if (filter.to() != null) {
      parts.add("to=" + filter.to());
    }
    return parts.isEmpty() ? "any" : String.join(", ", parts);
  }
}
