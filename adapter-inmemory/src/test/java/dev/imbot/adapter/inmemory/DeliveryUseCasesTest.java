package dev.imbot.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.port.in.delivery.PruneDeliveriesUseCase.Pruned;
import dev.imbot.application.port.in.delivery.ReadHandlerHealthQuery;
import dev.imbot.application.port.in.delivery.ReplayDeadDeliveriesCommand;
import dev.imbot.application.port.in.delivery.ReplayDeliveryCommand;
import dev.imbot.application.port.in.delivery.RotateSigningSecretCommand;
import dev.imbot.application.port.in.delivery.ShowDeliveryQuery;
import dev.imbot.application.port.in.delivery.SigningSecretQuery;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.out.audit.AuditTrail;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.application.service.delivery.PruneDeliveriesService;
import dev.imbot.application.service.delivery.ReadHandlerHealthService;
import dev.imbot.application.service.delivery.ReplayDeliveriesService;
import dev.imbot.application.service.delivery.ShowDeliveryService;
import dev.imbot.application.service.delivery.SigningSecretService;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.audit.AuditEntry;
import dev.imbot.domain.audit.AuditFilter;
import dev.imbot.domain.audit.AuditPage;
import dev.imbot.domain.common.ManualClock;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.HandlerHealth;
import dev.imbot.domain.delivery.RetentionPolicy;
import dev.imbot.domain.delivery.SigningKeys;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's delivery use cases over the in-memory adapters: replays and their refusals,
 * signing secrets, health, the body shown, and pruning on an injected clock.
 */
class DeliveryUseCasesTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
  private static final String URL = "https://bot.example.com/h";

  private final ManualClock clock = new ManualClock(T0);
  private final InMemoryPortal portal = new InMemoryPortal();
  private final InMemoryDueDeliveries store = new InMemoryDueDeliveries();
  private final InMemorySigningSecrets secrets = new InMemorySigningSecrets();
  private final List<AuditEntry> audited = new ArrayList<>();
  private final AuditRecorder audit = new AuditRecorder(new ListTrail(), clock);
  private final ReplayDeliveriesService replay =
      new ReplayDeliveriesService(store, store, portal.unitOfWork(), clock, audit);

  /** An audit trail that keeps what it is given. */
  private final class ListTrail implements AuditTrail {
    @Override
    public void append(AuditEntry entry) {
      audited.add(entry);
    }

    @Override
    public AuditPage find(AuditFilter filter, int offset, int limit) {
      return new AuditPage(audited, audited.size(), null);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
      return 0;
    }
  }

  private long enqueue(String application) {
    return store.add(
        application,
        "ONIMBOTDELETE",
        3,
        URL,
        EventData.builder().put("BOT_ID", 42).put("BOT_CODE", "echo").build(),
        AuthSubjects.none(),
        clock.instant());
  }

  private void attempt(long id, String cause, Verdict verdict) {
    DueDelivery claimed =
        store.claim("w", clock.instant(), clock.instant().plusSeconds(60), 100).stream()
            .filter(d -> d.id() == id)
            .findFirst()
            .orElseThrow();
    store.finish(
        id,
        "w",
        new AttemptRecord(
            claimed.attemptsMade() + 1,
            clock.instant(),
            Duration.ofMillis(40),
            cause == null ? 204 : 500,
            "",
            cause),
        verdict);
    store.releaseAll("w");
  }

  private long dead(String application) {
    long id = enqueue(application);
    attempt(id, "HTTP 500", new Verdict.Dead("gave up after 1 attempts: HTTP 500"));
    return id;
  }

  @Test
  void givenADeadDelivery_replay_makesItPendingAndRecordsWhoReplayedItInTheAuditTrail() {
    long id = dead("app.one");

    var replayed = replay.replay(new ReplayDeliveryCommand(id));

    assertThat(replayed.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(replayed.replays()).isEqualTo(1);
    assertThat(audited)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.DELIVERY_REPLAYED);
              assertThat(entry.application()).isEqualTo("app.one");
              assertThat(entry.subject()).isEqualTo("delivery " + id);
              assertThat(entry.details()).isEqualTo("ONIMBOTDELETE, was dead");
            });
  }

  @Test
  void givenAPendingOrUnknownDelivery_replay_isRefusedInWordsAndAuditsNothing() {
    long pending = enqueue("app.one");

    assertThatThrownBy(() -> replay.replay(new ReplayDeliveryCommand(pending)))
        .isInstanceOfSatisfying(
            AdministrationException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AdministrationException.Kind.CONFLICT);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "delivery "
                          + pending
                          + " is pending: its attempts go on, replay it once it is dead");
            });
    assertThatThrownBy(() -> replay.replay(new ReplayDeliveryCommand(999)))
        .isInstanceOfSatisfying(
            AdministrationException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AdministrationException.Kind.NOT_FOUND);
              assertThat(e.getMessage()).isEqualTo("no delivery 999");
            });
    assertThat(audited).isEmpty();
  }

  @Test
  void givenManyDeadDeliveries_replayDead_replaysThemAllInBatchesEachAudited() {
    for (int i = 0; i < 501; i++) {
      dead("app.one");
    }
    dead("app.two");

    int replayed =
        replay.replayDead(
            new ReplayDeadDeliveriesCommand(
                new DeliveryFilter("app.one", null, null, null, null, null, null)));

    assertThat(replayed).isEqualTo(501);
    assertThat(store.backlog().pending()).isEqualTo(501);
    assertThat(store.backlog().dead()).isEqualTo(1);
    assertThat(audited)
        .extracting(AuditEntry::subject)
        .containsExactly("500 dead deliveries", "1 dead delivery");
    assertThat(audited.get(0).details()).isEqualTo("dead deliveries where application=app.one");
    assertThat(replay.replayDead(new ReplayDeadDeliveriesCommand(DeliveryFilter.all())))
        .isEqualTo(1);
    assertThat(replay.replayDead(new ReplayDeadDeliveriesCommand(DeliveryFilter.all()))).isZero();
    assertThat(audited).hasSize(3);
  }

  @Test
  void givenADeliveryAttempted_show_givesTheStoredBodyWithTheTimestampOfItsLastAttempt() {
    long id = enqueue("app.one");
    clock.advance(Duration.ofSeconds(7));
    attempt(id, null, new Verdict.Delivered());
    clock.advance(Duration.ofMinutes(5));

    var shown = new ShowDeliveryService(store, clock).show(new ShowDeliveryQuery(id)).orElseThrow();

    assertThat(shown.body().encode())
        .isEqualTo(
            "event=ONIMBOTDELETE&event_handler_id=3&data%5BBOT_ID%5D=42&data%5BBOT_CODE%5D=echo&ts="
                + T0.plusSeconds(7).getEpochSecond());
    assertThat(shown.details().delivery().botIds()).containsExactly(42L);
    assertThat(new ShowDeliveryService(store, clock).show(new ShowDeliveryQuery(999))).isEmpty();
  }

  @Test
  void givenTenFailuresInARow_health_isFailingWithTheHourMinuteByMinute() {
    long ok = enqueue("app.one");
    attempt(ok, null, new Verdict.Delivered());
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(10));
      dead("app.one");
    }
    ReadHandlerHealthService health = new ReadHandlerHealthService(store, clock, 5);

    List<HandlerHealth> handlers = health.health(ReadHandlerHealthQuery.all());

    assertThat(handlers)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.handlerUrl()).isEqualTo(URL);
              assertThat(h.state()).isEqualTo(HandlerHealth.State.FAILING);
              assertThat(h.activity().consecutiveFailures()).isEqualTo(10);
              assertThat(h.successRate()).isEqualTo(1.0 / 11);
              assertThat(h.minutes()).hasSize(60);
              assertThat(h.minutes().get(59).start())
                  .isEqualTo(Instant.parse("2026-12-04T10:01:00Z"));
              assertThat(h.minutes().stream().mapToLong(m -> m.successes() + m.failures()).sum())
                  .isEqualTo(11);
            });
    assertThat(new ReadHandlerHealthService(store, clock, 11).health(ReadHandlerHealthQuery.all()))
        .extracting(HandlerHealth::state)
        .containsExactly(HandlerHealth.State.OK);
    clock.advance(Duration.ofHours(1));
    assertThat(health.health(ReadHandlerHealthQuery.all())).isEmpty();
  }

  @Test
  void givenAnInjectedClock_prune_deletesDeliveredAfterSevenDaysAndDeadAfterThirtyNeverPending() {
    long delivered = enqueue("app.one");
    attempt(delivered, null, new Verdict.Delivered());
    long dead = dead("app.one");
    long pending = enqueue("app.one");
    PruneDeliveriesService prune =
        new PruneDeliveriesService(store, RetentionPolicy.DEFAULT, clock, 1, 10);

    clock.advance(Duration.ofDays(7));
    Pruned beforeAWeek = prune.prune();
    clock.advance(Duration.ofSeconds(1));
    Pruned afterAWeek = prune.prune();
    clock.advance(Duration.ofDays(23));
    Pruned afterAMonth = prune.prune();

    assertThat(beforeAWeek).isEqualTo(new Pruned(0, 0));
    assertThat(afterAWeek).isEqualTo(new Pruned(1, 0));
    assertThat(afterAMonth).isEqualTo(new Pruned(0, 1));
    assertThat(store.find(delivered)).isEmpty();
    assertThat(store.find(dead)).isEmpty();
    assertThat(store.find(pending)).isPresent();
    assertThat(
            new PruneDeliveriesService(
                    store, new RetentionPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1)), clock)
                .prune())
        .isEqualTo(new Pruned(0, 0));
  }

  @Test
  void givenAKnownApplication_rotate_keepsTheOldSecretSigningFor24HoursAndAuditsWithoutTheSecret() {
    portal
        .handlers()
        .replace(
            ApplicationKey.of("app.one"),
            HandlerBindings.of(Map.of(BotEvent.BOT_DELETE, HandlerUrl.of(URL))));
    SigningSecretService service =
        new SigningSecretService(
            secrets,
            portal.applications(),
            portal.handlers(),
            store,
            portal.unitOfWork(),
            clock,
            audit);
    SigningKeys before = service.show(new SigningSecretQuery(ApplicationKey.of("app.one")));

    SigningKeys after =
        service.rotate(new RotateSigningSecretCommand(ApplicationKey.of("app.one")));

    assertThat(after.previous()).isEqualTo(before.current());
    assertThat(after.previousUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(after.signingAt(T0.plus(Duration.ofHours(23)))).hasSize(2);
    assertThat(after.signingAt(T0.plus(Duration.ofHours(24)))).containsExactly(after.current());
    assertThat(service.show(new SigningSecretQuery(ApplicationKey.of("app.one")))).isEqualTo(after);
    assertThat(audited)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.APPLICATION_SIGNING_SECRET_ROTATED);
              assertThat(entry.details()).doesNotContain("whsec_");
            });
    // An application only deliveries know (webhook-keyed, its bots gone) is known too.
    enqueue("customgone");
    assertThat(service.show(new SigningSecretQuery(ApplicationKey.of("customgone")))).isNotNull();
    assertThatThrownBy(() -> service.show(new SigningSecretQuery(ApplicationKey.of("app.typo"))))
        .isInstanceOfSatisfying(
            AdministrationException.class,
            e -> assertThat(e.getMessage()).isEqualTo("no application app.typo"));
  }
}
