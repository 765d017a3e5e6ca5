package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.DuePosition;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of the outgoing port {@link DueDeliveries}, run against every adapter: claims are
 * leases, oldest due first; a lease that runs out frees the delivery; only the lease holder
 * finishes or defers it.
 */
public abstract class DueDeliveriesContract {
  protected static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
  protected static final Duration LEASE = Duration.ofSeconds(60);

  /** Where a delivery stands, as the contract reads it back. */
  public record Seen(
      String status,
      int attemptsMade,
      Instant nextAttemptAt,
      String lastError,
      List<AttemptRecord> log) {}

  /** The store under test, empty. */
  protected abstract DueDeliveries store();

  /**
   * Enqueues a pending delivery of {@code event} ({@code data[BOT_ID]=42}, {@code
   * data[BOT_CODE]=echo}, no auth subjects, binding 1) to {@code application}'s handler {@code
   * url}, due at {@code dueAt}; answers its id.
   */
  protected abstract long enqueue(String application, String event, String url, Instant dueAt);

  /** Enqueues an {@code ONIMBOTDELETE} of application {@code app.one}. */
  protected long enqueue(String url, Instant dueAt) {
    return enqueue(APP, "ONIMBOTDELETE", url, dueAt);
  }

  protected static final String APP = "app.one";

  /** A claim by {@code worker} at {@link #T0} of up to ten, leaving out {@code hosts}. */
  protected List<DueDelivery> claimLeavingOut(String worker, String... hosts) {
    return store().claim(worker, T0, T0.plus(LEASE), 10, java.util.Set.of(hosts));
  }

  /** Delivery {@code id} as it stands. */
  protected abstract Seen seen(long id);

  protected static final EventData DATA =
      EventData.builder().put("BOT_ID", 42).put("BOT_CODE", "echo").build();

  private static AttemptRecord attempt(int number, String cause) {
    return new AttemptRecord(
        number, T0, Duration.ofMillis(12), cause == null ? 200 : 500, "ok", cause);
  }

  @Test
  void givenDueAndFutureDeliveries_claim_takesTheDueOnesOldestFirstUpToTheLimit() {
    long later = enqueue("https://a.example.com/h", T0.minusSeconds(1));
    long first = enqueue("https://a.example.com/h", T0.minusSeconds(5));
    enqueue("https://a.example.com/h", T0.plusSeconds(5));
    long third = enqueue("https://a.example.com/h", T0);

    List<DueDelivery> claimed = store().claim("w1", T0, T0.plus(LEASE), 2);
    List<DueDelivery> rest = store().claim("w1", T0, T0.plus(LEASE), 10);

    assertThat(claimed).extracting(DueDelivery::id).containsExactly(first, later);
    assertThat(rest).extracting(DueDelivery::id).containsExactly(third);
    assertThat(claimed.get(0).handlerUrl()).isEqualTo("https://a.example.com/h");
    assertThat(claimed.get(0).attemptsMade()).isZero();
  }

  @Test
  void givenClaimedDelivery_claimByAnotherWorker_getsNothingUntilTheLeaseRunsOut() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);

    assertThat(store().claim("w2", T0.plusSeconds(59), T0.plusSeconds(119), 10)).isEmpty();
    assertThat(store().claim("w2", T0.plus(LEASE), T0.plus(LEASE).plus(LEASE), 10))
        .extracting(DueDelivery::id)
        .containsExactly(id);
  }

  @Test
  void givenLeaseTakenOverAfterItRanOut_finishByTheFormerHolder_changesNothing() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);
    store().claim("w2", T0.plus(LEASE), T0.plus(LEASE).plus(LEASE), 10);

    boolean finished = store().finish(id, "w1", attempt(1, null), new Verdict.Delivered());

    assertThat(finished).isFalse();
    assertThat(seen(id).status()).isEqualTo("PENDING");
    assertThat(store().finish(id, "w2", attempt(1, null), new Verdict.Delivered())).isTrue();
    assertThat(seen(id).status()).isEqualTo("DELIVERED");
  }

  @Test
  void givenSeveralOutcomes_finishAll_storesEachWhoseLeaseHoldsAndAnswersWhichInOrder() {
    long delivered = enqueue("https://a.example.com/h", T0);
    long retried = enqueue("https://a.example.com/h", T0);
    long lost = enqueue("https://a.example.com/h", T0.minusSeconds(1));
    store().claim("w1", T0, T0.plus(LEASE), 3);
    // Its lease ran out and another worker took it: the oldest due.
    store().claim("w2", T0.plus(LEASE), T0.plus(LEASE).plus(LEASE), 1);

    List<Boolean> stored =
        store()
            .finishAll(
                List.of(
                    new DueDeliveries.Outcome(
                        delivered, "w1", attempt(1, null), new Verdict.Delivered()),
                    new DueDeliveries.Outcome(
                        retried,
                        "w1",
                        attempt(1, "HTTP 500"),
                        new Verdict.RetryAt(T0.plusSeconds(5))),
                    new DueDeliveries.Outcome(
                        lost, "w1", attempt(1, null), new Verdict.Delivered())));

    assertThat(stored).containsExactly(true, true, false);
    assertThat(seen(delivered).status()).isEqualTo("DELIVERED");
    assertThat(seen(delivered).log()).hasSize(1);
    assertThat(seen(retried).status()).isEqualTo("PENDING");
    assertThat(seen(retried).nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(seen(retried).log()).extracting(AttemptRecord::cause).containsExactly("HTTP 500");
    assertThat(seen(lost).status()).isEqualTo("PENDING");
    assertThat(seen(lost).log()).isEmpty();
    assertThat(store().finishAll(List.of())).isEmpty();
  }

  @Test
  void givenALeaseLostAndTheSameDeliveryHeldByAnother_finishAll_storesTheHoldersOutcome() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 1);
    store().claim("w2", T0.plus(LEASE), T0.plus(LEASE).plus(LEASE), 1);

    List<Boolean> stored =
        store()
            .finishAll(
                List.of(
                    new DueDeliveries.Outcome(id, "w1", attempt(1, null), new Verdict.Delivered()),
                    new DueDeliveries.Outcome(
                        id, "w2", attempt(1, null), new Verdict.Delivered())));

    assertThat(stored).containsExactly(false, true);
    assertThat(seen(id).status()).isEqualTo("DELIVERED");
    assertThat(seen(id).log()).hasSize(1);
  }

  @Test
  void givenOneDeliveryTwiceInABatch_finishAll_storesItsFirstOutcomeOnly() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 1);

    List<Boolean> stored =
        store()
            .finishAll(
                List.of(
                    new DueDeliveries.Outcome(
                        id, "w1", attempt(1, "HTTP 500"), new Verdict.RetryAt(T0.plusSeconds(5))),
                    new DueDeliveries.Outcome(
                        id, "w1", attempt(1, null), new Verdict.Delivered())));

    assertThat(stored).containsExactly(true, false);
    assertThat(seen(id).status()).isEqualTo("PENDING");
    assertThat(seen(id).nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(seen(id).log()).extracting(AttemptRecord::cause).containsExactly("HTTP 500");
  }

  @Test
  void givenFailedAttempt_finishWithRetry_logsItAndMakesTheDeliveryDueAtTheNewTime() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);

    store().finish(id, "w1", attempt(1, "HTTP 500"), new Verdict.RetryAt(T0.plusSeconds(5)));

    Seen seen = seen(id);
    assertThat(seen.status()).isEqualTo("PENDING");
    assertThat(seen.attemptsMade()).isEqualTo(1);
    assertThat(seen.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(seen.log()).containsExactly(attempt(1, "HTTP 500"));
    assertThat(store().claim("w1", T0.plusSeconds(4), T0.plus(LEASE), 10)).isEmpty();
    assertThat(store().claim("w1", T0.plusSeconds(5), T0.plus(LEASE), 10))
        .extracting(DueDelivery::attemptsMade)
        .containsExactly(1);
  }

  @Test
  void givenDeadOrDeliveredDeliveries_claim_neverTakesThem() {
    long dead = enqueue("https://a.example.com/h", T0);
    long done = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);
    store().finish(dead, "w1", attempt(1, "HTTP 410"), new Verdict.Dead("HTTP 410"));
    store().finish(done, "w1", attempt(1, null), new Verdict.Delivered());

    assertThat(store().claim("w1", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), 10))
        .isEmpty();
    assertThat(seen(dead).status()).isEqualTo("DEAD");
    assertThat(seen(done).status()).isEqualTo("DELIVERED");
  }

  @Test
  void givenDeferredDelivery_claim_takesItAgainAtItsNewTimeWithoutCountingAnAttempt() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);

    store().defer(id, "w1", T0.plusSeconds(1));

    assertThat(store().claim("w2", T0, T0.plus(LEASE), 10)).isEmpty();
    assertThat(store().claim("w2", T0.plusSeconds(1), T0.plus(LEASE), 10))
        .extracting(DueDelivery::attemptsMade)
        .containsExactly(0);
  }

  @Test
  void givenWorkerStopping_releaseAll_freesItsClaimsOnly() {
    long mine = enqueue("https://a.example.com/h", T0);
    long theirs = enqueue("https://b.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 1);
    store().claim("w2", T0, T0.plus(LEASE), 1);

    store().releaseAll("w1");

    assertThat(store().claim("w3", T0, T0.plus(LEASE), 10))
        .extracting(DueDelivery::id)
        .containsExactly(mine);
    assertThat(theirs).isNotEqualTo(mine);
  }

  @Test
  void givenSkippedHost_claim_leavesItsDeliveriesForLater() {
    long busy = enqueue("https://busy.example.com/h", T0.minusSeconds(5));
    long other = enqueue("https://other.example.com:8443/h", T0);

    List<DueDelivery> claimed =
        store().claim("w1", T0, T0.plus(LEASE), 10, java.util.Set.of("busy.example.com:443"));

    assertThat(claimed).extracting(DueDelivery::id).containsExactly(other);
    assertThat(store().claim("w1", T0, T0.plus(LEASE), 10))
        .extracting(DueDelivery::id)
        .containsExactly(busy);
  }

  @Test
  void givenSkippedHostWithBacklog_claim_takesTheOtherHostsDueDeliveriesOldestFirstAcrossThem() {
    for (int i = 0; i < 30; i++) {
      enqueue("https://busy.example.com/h", T0.minusSeconds(60 - i));
    }
    long b = enqueue("https://b.example.com/h", T0.minusSeconds(3));
    long a = enqueue("https://a.example.com/h", T0.minusSeconds(2));
    enqueue("https://c.example.com/h", T0.plusSeconds(5));
    long b2 = enqueue("https://b.example.com/h", T0.minusSeconds(1));

    List<DueDelivery> claimed =
        store().claim("w1", T0, T0.plus(LEASE), 10, java.util.Set.of("busy.example.com:443"));

    assertThat(claimed).extracting(DueDelivery::id).containsExactly(b, a, b2);
  }

  @Test
  void givenEveryPendingHostSkipped_claim_takesNothingAndLeavesThemDue() {
    long busy = enqueue("https://busy.example.com/h", T0.minusSeconds(5));
    long failing = enqueue("https://failing.example.com/h", T0.minusSeconds(4));

    List<DueDelivery> claimed =
        claimLeavingOut("w1", "busy.example.com:443", "failing.example.com:443");

    assertThat(claimed).isEmpty();
    assertThat(store().claim("w2", T0, T0.plus(LEASE), 10))
        .extracting(DueDelivery::id)
        .containsExactly(busy, failing);
  }

  @Test
  void givenSeveralHosts_claimOf_takesOnlyThatHostsDueUnleasedDeliveriesOldestFirst() {
    long second = enqueue("https://busy.example.com/a", T0.minusSeconds(1));
    enqueue("https://other.example.com/h", T0.minusSeconds(9));
    long first = enqueue("https://busy.example.com/b", T0.minusSeconds(5));
    enqueue("https://busy.example.com/c", T0.plusSeconds(5));
    long third = enqueue("https://busy.example.com/d", T0);
    long leased = enqueue("https://busy.example.com/e", T0.minusSeconds(7));
    store().claim("w2", T0, T0.plus(LEASE), 1, java.util.Set.of("other.example.com:443"));

    List<DueDelivery> claimed =
        store().claimOf("w1", "busy.example.com:443", T0, T0.plus(LEASE), 2);
    List<DueDelivery> rest = store().claimOf("w1", "busy.example.com:443", T0, T0.plus(LEASE), 9);

    assertThat(leased).isNotIn(first, second, third);
    assertThat(claimed).extracting(DueDelivery::id).containsExactly(first, second);
    assertThat(rest).extracting(DueDelivery::id).containsExactly(third);
    assertThat(store().claim("w3", T0, T0.plus(LEASE), 9))
        .extracting(DueDelivery::host)
        .containsExactly("other.example.com:443");
  }

  @Test
  void givenAPosition_claimOf_takesOnlyTheHostsDeliveriesAfterItInDueThenIdOrder() {
    long early = enqueue("https://busy.example.com/a", T0.minusSeconds(9));
    long sameTimeFirst = enqueue("https://busy.example.com/b", T0.minusSeconds(5));
    long sameTimeSecond = enqueue("https://busy.example.com/c", T0.minusSeconds(5));
    long later = enqueue("https://busy.example.com/d", T0.minusSeconds(1));
    enqueue("https://other.example.com/h", T0.minusSeconds(3));

    List<DueDelivery> first = store().claimOf("w1", "busy.example.com:443", T0, T0.plus(LEASE), 2);
    List<DueDelivery> after =
        store()
            .claimOf(
                "w1",
                "busy.example.com:443",
                T0,
                T0.plus(LEASE),
                9,
                new DuePosition(T0.minusSeconds(5), sameTimeFirst));

    assertThat(first).extracting(DueDelivery::id).containsExactly(early, sameTimeFirst);
    assertThat(first.get(1).position())
        .isEqualTo(new DuePosition(T0.minusSeconds(5), sameTimeFirst));
    assertThat(after).extracting(DueDelivery::id).containsExactly(sameTimeSecond, later);
  }

  @Test
  void givenAPositionPastALeaseThatRanOut_claimOf_leavesItToAClaimFromTheStart() {
    long lost = enqueue("https://busy.example.com/a", T0.minusSeconds(9));
    long next = enqueue("https://busy.example.com/b", T0.minusSeconds(5));
    store().claimOf("w1", "busy.example.com:443", T0, T0.plus(LEASE), 1);
    Instant afterLease = T0.plus(LEASE).plusSeconds(1);

    List<DueDelivery> readOn =
        store()
            .claimOf(
                "w2",
                "busy.example.com:443",
                afterLease,
                afterLease.plus(LEASE),
                9,
                new DuePosition(T0.minusSeconds(9), lost));
    List<DueDelivery> fromStart =
        store().claimOf("w2", "busy.example.com:443", afterLease, afterLease.plus(LEASE), 9);

    assertThat(readOn).extracting(DueDelivery::id).containsExactly(next);
    assertThat(fromStart).extracting(DueDelivery::id).containsExactly(lost);
  }

  @Test
  void givenClaimedDeliveries_deferAll_givesBackOnlyTheHoldersOnesDueAtTheNewTime() {
    long a = enqueue("https://a.example.com/h", T0);
    long b = enqueue("https://a.example.com/h", T0);
    long theirs = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 2);
    store().claim("w2", T0, T0.plus(LEASE), 1);

    store().deferAll(List.of(a, b, theirs), "w1", T0.plusSeconds(1));

    assertThat(seen(a).nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(seen(b).attemptsMade()).isZero();
    assertThat(store().claim("w3", T0.plusSeconds(1), T0.plus(LEASE), 9))
        .extracting(DueDelivery::id)
        .containsExactlyInAnyOrder(a, b);
    assertThat(seen(theirs).nextAttemptAt()).isEqualTo(T0);
  }

  @Test
  void givenStoredEvent_claim_answersItsRecordedDataBindingAndSubjects() {
    long id = enqueue("https://a.example.com/h", T0);

    DueDelivery claimed = store().claim("w1", T0, T0.plus(LEASE), 1).get(0);

    assertThat(claimed.id()).isEqualTo(id);
    assertThat(claimed.application()).isEqualTo(APP);
    assertThat(claimed.event()).isEqualTo("ONIMBOTDELETE");
    assertThat(claimed.handlerBindingId()).isEqualTo(1);
    assertThat(claimed.data()).isEqualTo(DATA);
    assertThat(claimed.subjects()).isEqualTo(AuthSubjects.none());
  }

  @Test
  void givenParkedDelivery_claim_takesItAtItsNewTimeUnattemptedWithTheReasonAsLastError() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);

    store().park(id, "w1", T0.plus(Duration.ofMinutes(5)), "waiting for install");

    Seen seen = seen(id);
    assertThat(seen.status()).isEqualTo("PENDING");
    assertThat(seen.attemptsMade()).isZero();
    assertThat(seen.lastError()).isEqualTo("waiting for install");
    assertThat(seen.log()).isEmpty();
    assertThat(store().claim("w2", T0.plusSeconds(1), T0.plus(LEASE), 10)).isEmpty();
  }

  @Test
  void givenParkedDeliveriesOfTwoApplications_resume_makesOnlyTheOnesOfThatApplicationDue() {
    long mine = enqueue(APP, "ONIMBOTMESSAGEADD", "https://a.example.com/h", T0);
    long theirs = enqueue("app.two", "ONIMBOTMESSAGEADD", "https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);
    store().park(mine, "w1", T0.plus(Duration.ofMinutes(5)), "waiting");
    store().park(theirs, "w1", T0.plus(Duration.ofMinutes(5)), "waiting");

    int resumed = store().resume(APP, T0.plusSeconds(2));

    assertThat(resumed).isEqualTo(1);
    assertThat(store().claim("w1", T0.plusSeconds(2), T0.plus(LEASE), 10))
        .extracting(DueDelivery::id)
        .containsExactly(mine);
  }

  @Test
  void givenRetryWaitingOnTheSchedule_resume_leavesItAtItsTime() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);
    store().finish(id, "w1", attempt(1, "HTTP 500"), new Verdict.RetryAt(T0.plusSeconds(300)));

    assertThat(store().resume(APP, T0.plusSeconds(1))).isZero();

    assertThat(seen(id).nextAttemptAt()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void givenPendingAndDeliveredDeliveries_drop_endsThePendingOnesOfThatApplicationDead() {
    long delivered = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 10);
    store().finish(delivered, "w1", attempt(1, null), new Verdict.Delivered());
    long pending = enqueue("https://a.example.com/h", T0);
    long leased = enqueue("https://a.example.com/h", T0);
    long other = enqueue("app.two", "ONIMBOTDELETE", "https://a.example.com/h", T0);
    store().claim("w2", T0, T0.plus(LEASE), 1);

    int dropped = store().drop(APP, "dropped: uninstalled", T0.plusSeconds(3));

    assertThat(dropped).isEqualTo(2);
    assertThat(seen(pending).status()).isEqualTo("DEAD");
    assertThat(seen(pending).lastError()).isEqualTo("dropped: uninstalled");
    assertThat(seen(leased).status()).isEqualTo("DEAD");
    assertThat(seen(delivered).status()).isEqualTo("DELIVERED");
    assertThat(seen(other).status()).isEqualTo("PENDING");
    assertThat(store().finish(leased, "w2", attempt(1, null), new Verdict.Delivered()))
        .as("a dropped delivery's lease is gone")
        .isFalse();
  }

  @Test
  void givenPendingAndFinishedEvents_hasPending_answersForTheApplicationAndEvent() {
    long install = enqueue(APP, "ONAPPUNINSTALL", "https://a.example.com/h", T0);
    enqueue("app.two", "ONAPPUNINSTALL", "https://a.example.com/h", T0);

    assertThat(store().hasPending(APP, "ONAPPUNINSTALL")).isTrue();
    assertThat(store().hasPending(APP, "ONAPPINSTALL")).isFalse();
    store().claim("w1", T0, T0.plus(LEASE), 1);
    store().finish(install, "w1", attempt(1, null), new Verdict.Delivered());
    assertThat(store().hasPending(APP, "ONAPPUNINSTALL")).isFalse();
    assertThat(store().hasPending("app.two", "ONAPPUNINSTALL")).isTrue();
  }
}
