package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.port.out.delivery.DeliveryLog;
import dev.imbot.application.port.out.delivery.DeliveryReplays;
import dev.imbot.application.port.out.delivery.DeliveryReplays.Replay;
import dev.imbot.application.port.out.delivery.DeliveryRetention;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DeliveryBacklog;
import dev.imbot.domain.delivery.DeliveryDetails;
import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DeliveryPage;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.HandlerActivity;
import dev.imbot.domain.delivery.LoggedAttempt;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of the operator's delivery ports, {@link DeliveryLog}, {@link DeliveryReplays} and
 * {@link DeliveryRetention}, over the same store as the worker's {@link DueDeliveries}, run against
 * every adapter (in memory, H2, PostgreSQL).
 */
public abstract class DeliveryLogContract {
  protected static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
  private static final String A = "https://a.example.com/h";
  private static final String B = "https://b.example.com/h";

  /** The {@code data[...]} and binding id every delivery of the contract is recorded with. */
  protected static final EventData DATA = EventData.builder().put("MESSAGE", "hi").build();

  protected static final long BINDING = 3;

  protected abstract DueDeliveries worker();

  protected abstract DeliveryLog log();

  protected abstract DeliveryReplays replays();

  protected abstract DeliveryRetention retention();

  /**
   * Records {@code event} of {@code application} for {@code url}, concerning {@code bots} (as the
   * subjects whose blocks it carries), with {@link #DATA} and binding {@link #BINDING}, at {@code
   * at} (due at once); answers the delivery's id.
   */
  protected abstract long enqueue(
      String application, String event, String url, List<Long> bots, Instant at);

  /** Attempts delivery {@code id} at {@code at}: {@code cause} null for a success. */
  private void attempt(long id, Instant at, long millis, String cause, Verdict verdict) {
    List<DueDelivery> claimed = worker().claim("contract", at, at.plusSeconds(60), 1000);
    assertThat(claimed).extracting(DueDelivery::id).contains(id);
    AttemptRecord record =
        new AttemptRecord(
            claimed.stream().filter(d -> d.id() == id).findFirst().orElseThrow().attemptsMade() + 1,
            at,
            Duration.ofMillis(millis),
            cause == null ? 200 : 500,
            cause == null ? "ok" : "boom",
            cause);
    assertThat(worker().finish(id, "contract", record, verdict)).isTrue();
    worker().releaseAll("contract");
  }

  private void deliver(long id, Instant at) {
    attempt(id, at, 10, null, new Verdict.Delivered());
  }

  private void kill(long id, Instant at) {
    attempt(id, at, 10, "HTTP 500", new Verdict.Dead("gave up after 1 attempts: HTTP 500"));
  }

  private List<Long> ids(DeliveryFilter filter) {
    return log().find(filter, 0, 100).deliveries().stream().map(DeliveryRecord::id).toList();
  }

  private static DeliveryFilter filter(
      String application, Long bot, String event, String url, DeliveryStatus status) {
    return new DeliveryFilter(application, bot, event, url, status, null, null);
  }

  @Test
  void givenDeliveriesOfSeveralKinds_find_filtersByEachCriterionNewestFirst() {
    long one = enqueue("app.one", "ONIMBOTMESSAGEADD", A, List.of(7L, 9L), T0);
    long two = enqueue("app.one", "ONIMBOTDELETE", B, List.of(9L), T0.plusSeconds(1));
    long three = enqueue("app.two", "ONAPPINSTALL", A, List.of(), T0.plusSeconds(2));
    deliver(one, T0.plusSeconds(5));
    kill(two, T0.plusSeconds(5));

    assertThat(ids(DeliveryFilter.all())).containsExactly(three, two, one);
    assertThat(ids(filter("app.one", null, null, null, null))).containsExactly(two, one);
    assertThat(ids(filter(null, 9L, null, null, null))).containsExactly(two, one);
    assertThat(ids(filter(null, 7L, null, null, null))).containsExactly(one);
    assertThat(ids(filter(null, 8L, null, null, null))).isEmpty();
    assertThat(ids(filter(null, null, "ONIMBOTDELETE", null, null))).containsExactly(two);
    assertThat(ids(filter(null, null, null, A, null))).containsExactly(three, one);
    assertThat(ids(filter(null, null, null, null, DeliveryStatus.PENDING))).containsExactly(three);
    assertThat(ids(filter(null, null, null, null, DeliveryStatus.DELIVERED))).containsExactly(one);
    assertThat(ids(filter(null, null, null, null, DeliveryStatus.DEAD))).containsExactly(two);
    assertThat(ids(filter("app.one", 9L, null, A, DeliveryStatus.DELIVERED))).containsExactly(one);
    assertThat(ids(filter("app.two", 9L, null, null, null))).isEmpty();
  }

  @Test
  void givenATimeRange_find_keepsThoseRecordedFromItsStartUntilBeforeItsEnd() {
    long early = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    long middle = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0.plusSeconds(60));
    long late = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0.plusSeconds(120));

    assertThat(ids(new DeliveryFilter(null, null, null, null, null, T0.plusSeconds(60), null)))
        .containsExactly(late, middle);
    assertThat(ids(new DeliveryFilter(null, null, null, null, null, null, T0.plusSeconds(60))))
        .containsExactly(early);
    assertThat(
            ids(
                new DeliveryFilter(
                    null, null, null, null, null, T0.plusSeconds(1), T0.plusSeconds(121))))
        .containsExactly(late, middle);
  }

  @Test
  void givenMoreThanAPage_find_answersThePageTheTotalAndWhereTheNextStarts() {
    List<Long> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      all.add(enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0.plusSeconds(i)));
    }

    DeliveryPage first = log().find(DeliveryFilter.all(), 0, 3);
    DeliveryPage last = log().find(DeliveryFilter.all(), 6, 3);
    DeliveryPage beyond = log().find(DeliveryFilter.all(), 9, 3);

    assertThat(first.deliveries())
        .extracting(DeliveryRecord::id)
        .containsExactly(all.get(6), all.get(5), all.get(4));
    assertThat(first.total()).isEqualTo(7);
    assertThat(first.next()).isEqualTo(3);
    assertThat(last.deliveries()).extracting(DeliveryRecord::id).containsExactly(all.get(0));
    assertThat(last.next()).isNull();
    assertThat(beyond.deliveries()).isEmpty();
    assertThat(beyond.total()).isEqualTo(7);
  }

  @Test
  void givenARecordedDelivery_find_showsWhereItStands() {
    long id = enqueue("app.one", "ONIMBOTMESSAGEADD", A, List.of(9L, 7L), T0);
    attempt(id, T0, 15, "HTTP 500", new Verdict.RetryAt(T0.plusSeconds(5)));

    DeliveryRecord pending = log().find(DeliveryFilter.all(), 0, 10).deliveries().get(0);
    kill(id, T0.plusSeconds(5));
    DeliveryRecord dead = log().find(DeliveryFilter.all(), 0, 10).deliveries().get(0);

    assertThat(pending)
        .isEqualTo(
            new DeliveryRecord(
                id,
                "app.one",
                "ONIMBOTMESSAGEADD",
                A,
                List.of(7L, 9L),
                DeliveryStatus.PENDING,
                1,
                0,
                T0,
                T0.plusSeconds(5),
                null,
                "HTTP 500"));
    assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD);
    assertThat(dead.attempts()).isEqualTo(2);
    assertThat(dead.nextAttemptAt()).isNull();
    assertThat(dead.finishedAt()).isEqualTo(T0.plusSeconds(5).plusMillis(10));
    assertThat(dead.lastError()).isEqualTo("gave up after 1 attempts: HTTP 500");
  }

  @Test
  void givenAttemptsAcrossAReplay_details_listsTheLogInOrderByItsSeriesWithTheStoredBody() {
    long id = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    attempt(id, T0, 15, "HTTP 500", new Verdict.RetryAt(T0.plusSeconds(5)));
    kill(id, T0.plusSeconds(5));
    assertThat(replays().replay(id, T0.plusSeconds(60))).isEqualTo(Replay.REPLAYED);
    deliver(id, T0.plusSeconds(60));

    DeliveryDetails details = log().details(id).orElseThrow();

    assertThat(details.attempts())
        .extracting(LoggedAttempt::series, a -> a.attempt().number(), a -> a.attempt().cause())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 1, "HTTP 500"),
            org.assertj.core.groups.Tuple.tuple(1, 2, "HTTP 500"),
            org.assertj.core.groups.Tuple.tuple(2, 1, null));
    AttemptRecord first = details.attempts().get(0).attempt();
    assertThat(first.startedAt()).isEqualTo(T0);
    assertThat(first.duration()).isEqualTo(Duration.ofMillis(15));
    assertThat(first.status()).isEqualTo(500);
    assertThat(first.responseStart()).isEqualTo("boom");
    assertThat(details.delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(details.delivery().replays()).isEqualTo(1);
    assertThat(details.delivery().attempts()).isEqualTo(1);
    assertThat(details.handlerBindingId()).isEqualTo(BINDING);
    assertThat(details.data()).isEqualTo(DATA);
    assertThat(log().details(id + 1000)).isEmpty();
  }

  @Test
  void givenADeadDelivery_replay_makesItPendingDueAtOnceWithANewSeriesAndTheSameId() {
    long id = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    kill(id, T0);

    Replay replay = replays().replay(id, T0.plusSeconds(30));

    assertThat(replay).isEqualTo(Replay.REPLAYED);
    DeliveryRecord record = log().details(id).orElseThrow().delivery();
    assertThat(record.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(record.attempts()).isZero();
    assertThat(record.lastError()).isNull();
    assertThat(record.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(worker().claim("w", T0.plusSeconds(29), T0.plusSeconds(90), 10)).isEmpty();
    assertThat(worker().claim("w", T0.plusSeconds(30), T0.plusSeconds(90), 10))
        .extracting(DueDelivery::id, DueDelivery::attemptsMade)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(id, 0));
  }

  @Test
  void givenADeliveredDelivery_replay_sendsItAgain() {
    long id = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    deliver(id, T0);

    assertThat(replays().replay(id, T0.plusSeconds(1))).isEqualTo(Replay.REPLAYED);
    assertThat(log().details(id).orElseThrow().delivery().status())
        .isEqualTo(DeliveryStatus.PENDING);
  }

  @Test
  void givenAPendingOrUnknownDelivery_replay_changesNothing() {
    long id = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    attempt(id, T0, 15, "HTTP 500", new Verdict.RetryAt(T0.plusSeconds(5)));

    assertThat(replays().replay(id, T0.plusSeconds(1))).isEqualTo(Replay.ALREADY_PENDING);
    assertThat(replays().replay(id + 1000, T0.plusSeconds(1))).isEqualTo(Replay.UNKNOWN);
    DeliveryRecord record = log().details(id).orElseThrow().delivery();
    assertThat(record.attempts()).isEqualTo(1);
    assertThat(record.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void givenDeadAndDeliveredDeliveries_replayDead_replaysTheMatchingDeadOnesUpToTheLimit() {
    long dead1 = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    long dead2 = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    long dead3 = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    long otherApp = enqueue("app.two", "ONIMBOTDELETE", A, List.of(), T0);
    long delivered = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    for (long id : List.of(dead1, dead2, dead3, otherApp)) {
      kill(id, T0);
    }
    deliver(delivered, T0);
    DeliveryFilter appOne = filter("app.one", null, null, null, DeliveryStatus.DELIVERED);

    int first = replays().replayDead(appOne, T0.plusSeconds(1), 2);
    int rest = replays().replayDead(appOne, T0.plusSeconds(1), 2);
    int none = replays().replayDead(appOne, T0.plusSeconds(1), 2);

    assertThat(List.of(first, rest, none)).containsExactly(2, 1, 0);
    assertThat(ids(filter(null, null, null, null, DeliveryStatus.PENDING)))
        .containsExactlyInAnyOrder(dead1, dead2, dead3);
    assertThat(ids(filter(null, null, null, null, DeliveryStatus.DEAD))).containsExactly(otherApp);
    assertThat(ids(filter(null, null, null, null, DeliveryStatus.DELIVERED)))
        .containsExactly(delivered);
  }

  @Test
  void givenFinishedDeliveries_prune_deletesThoseOfTheStatusFinishedBeforeTheCutoffWithTheirLog() {
    long oldDelivered = enqueue("app.one", "ONIMBOTDELETE", A, List.of(3L), T0);
    long newDelivered = enqueue("app.one", "ONIMBOTDELETE", A, List.of(3L), T0);
    long oldDead = enqueue("app.one", "ONIMBOTDELETE", A, List.of(3L), T0);
    long pending = enqueue("app.one", "ONIMBOTDELETE", A, List.of(3L), T0);
    deliver(oldDelivered, T0);
    deliver(newDelivered, T0.plus(Duration.ofDays(2)));
    kill(oldDead, T0);
    Instant cutoff = T0.plus(Duration.ofDays(1));

    int pruned = retention().prune(DeliveryStatus.DELIVERED, cutoff, 100);

    assertThat(pruned).isEqualTo(1);
    assertThat(log().details(oldDelivered)).isEmpty();
    assertThat(ids(filter(null, 3L, null, null, null)))
        .containsExactly(pending, oldDead, newDelivered);
    assertThat(log().activity(T0.minusSeconds(1), null))
        .extracting(HandlerActivity::attempts)
        .containsExactly(2L);
    assertThat(retention().prune(DeliveryStatus.DEAD, cutoff, 100)).isEqualTo(1);
    assertThat(ids(DeliveryFilter.all())).containsExactly(pending, newDelivered);
    assertThat(retention().prune(DeliveryStatus.DELIVERED, cutoff, 100)).isZero();
  }

  @Test
  void givenMoreThanTheLimit_prune_deletesTheOldestFirstAndNeverAPendingOne() {
    List<Long> delivered = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long id = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
      deliver(id, T0.plusSeconds(10 - i));
      delivered.add(id);
    }
    long pending = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);

    assertThat(retention().prune(DeliveryStatus.DELIVERED, T0.plusSeconds(100), 2)).isEqualTo(2);
    assertThat(ids(DeliveryFilter.all()))
        .containsExactly(pending, delivered.get(2), delivered.get(1), delivered.get(0));
    assertThatThrownBy(() -> retention().prune(DeliveryStatus.PENDING, T0.plusSeconds(100), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAttemptsToTwoHandlers_activity_countsRatesPercentilesFailuresInARowAndMinutes() {
    long a1 = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    long a2 = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    long a3 = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    long b1 = enqueue("app.two", "ONIMBOTDELETE", B, List.of(), T0);
    long old = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0.minusSeconds(3600));
    attempt(old, T0.minusSeconds(3600), 999, null, new Verdict.Delivered());
    attempt(a1, T0.plusSeconds(5), 10, null, new Verdict.Delivered());
    attempt(a2, T0.plusSeconds(65), 30, "HTTP 500", new Verdict.Dead("HTTP 500"));
    attempt(a3, T0.plusSeconds(119), 20, "timeout", new Verdict.RetryAt(T0.plusSeconds(999)));
    attempt(b1, T0, 5, null, new Verdict.Delivered());

    List<HandlerActivity> all = log().activity(T0, null);
    List<HandlerActivity> appTwo = log().activity(T0, "app.two");

    assertThat(all).extracting(HandlerActivity::handlerUrl).containsExactly(A, B);
    HandlerActivity a = all.get(0);
    assertThat(a.attempts()).isEqualTo(3);
    assertThat(a.successes()).isEqualTo(1);
    assertThat(a.p50()).isEqualTo(Duration.ofMillis(20));
    assertThat(a.p99()).isEqualTo(Duration.ofMillis(30));
    assertThat(a.consecutiveFailures()).isEqualTo(2);
    assertThat(a.minutes())
        .containsExactly(
            new HandlerActivity.Minute(T0, 1, 0),
            new HandlerActivity.Minute(T0.plusSeconds(60), 0, 2));
    assertThat(appTwo).extracting(HandlerActivity::handlerUrl).containsExactly(B);
    assertThat(appTwo.get(0).consecutiveFailures()).isZero();
    assertThat(log().activity(T0.plusSeconds(3600), null)).isEmpty();
  }

  @Test
  void givenPendingDeadAndDeliveredDeliveries_backlog_countsThemWithTheOldestPending() {
    assertThat(log().backlog()).isEqualTo(new DeliveryBacklog(0, null, 0));
    long dead = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0.minusSeconds(100));
    enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0.minusSeconds(50));
    enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    long delivered = enqueue("app.one", "ONIMBOTDELETE", A, List.of(), T0);
    kill(dead, T0);
    deliver(delivered, T0);

    assertThat(log().backlog()).isEqualTo(new DeliveryBacklog(2, T0.minusSeconds(50), 1));
  }
}
