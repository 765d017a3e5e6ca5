package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.contract.DueDeliveriesContract;
import dev.imbot.application.port.out.delivery.DueDeliveries;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DueDelivery;
import dev.imbot.domain.delivery.SigningKeys;
import dev.imbot.domain.delivery.Verdict;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JdbcDueDeliveries} against the port contract, and what only a database shows. */
abstract class JdbcDueDeliveriesTest extends DueDeliveriesContract {
  DatabaseInstance instance;

  protected abstract TestDatabase database();

  @BeforeEach
  void freshSchema() {
    database().freshPortal();
    instance = database().instance();
  }

  @Override
  protected DueDeliveries store() {
    return instance.dueDeliveries();
  }

  @Override
  protected long enqueue(String application, String event, String url, Instant dueAt) {
    return instance.enqueue(
        new PendingEvent(
            ApplicationKey.of(application),
            event,
            1,
            HandlerUrl.of(url),
            DATA,
            AuthSubjects.none(),
            dueAt));
  }

  @Override
  protected Seen seen(long id) {
    return instance.sql(
        connection -> {
          Seen seen;
          try (var statement =
              connection.prepareStatement(
                  "SELECT status, attempts, next_attempt_at, last_error FROM event_delivery"
                      + " WHERE id = ?")) {
            statement.setLong(1, id);
            try (var rows = statement.executeQuery()) {
              rows.next();
              seen =
                  new Seen(
                      rows.getString(1),
                      rows.getInt(2),
                      rows.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                      rows.getString(4),
                      new ArrayList<>());
            }
          }
          try (var statement =
              connection.prepareStatement(
                  "SELECT number, started_at, duration_ms, http_status, response_start, cause"
                      + " FROM delivery_attempt WHERE delivery_id = ? ORDER BY number")) {
            statement.setLong(1, id);
            try (var rows = statement.executeQuery()) {
              while (rows.next()) {
                seen.log()
                    .add(
                        new AttemptRecord(
                            rows.getInt(1),
                            rows.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            Duration.ofMillis(rows.getLong(3)),
                            rows.getInt(4),
                            rows.getString(5),
                            rows.getString(6)));
              }
            }
          }
          return new Seen(
              seen.status(),
              seen.attemptsMade(),
              seen.nextAttemptAt(),
              seen.lastError(),
              List.copyOf(seen.log()));
        });
  }

  @Test
  void unflushedWrite_onItsOwnOnPostgres_skipsTheDiskWaitAndPlansPerRun_joinedLeavesTheUnitAlone() {
    Database database = instance.bean(Database.class);
    boolean postgres = database() == TestDatabase.POSTGRES;
    // H2 has no such settings: there nothing PostgreSQL-only may be sent (it would fail).
    Database.Work<String> settings =
        handle ->
            postgres
                ? handle.createQuery("SHOW synchronous_commit").mapTo(String.class).one()
                    + " "
                    + handle.createQuery("SHOW plan_cache_mode").mapTo(String.class).one()
                : handle.createQuery("SELECT 'h2'").mapTo(String.class).one();

    String own = database.writeUnflushed("probe", settings);
    String joined =
        instance.unitOfWork().run(() -> database.writeUnflushed("probe in a unit", settings));
    String after = database.write("probe after", settings);

    assertThat(own).isEqualTo(postgres ? "off force_custom_plan" : "h2");
    assertThat(joined)
        .as("a unit of work's commit and plans")
        .isEqualTo(postgres ? "on auto" : "h2");
    assertThat(after)
        .as("SET LOCAL ends with its transaction")
        .isEqualTo(postgres ? "on auto" : "h2");
  }

  @Test
  void givenRowsEnqueuedBeforeHostsWereRecorded_claimSkippingHosts_stillTakesThem() {
    long legacy = enqueue("https://old.example.com/h", T0.minusSeconds(9));
    enqueue("https://busy.example.com/h", T0.minusSeconds(8));
    long other = enqueue("https://other.example.com/h", T0.minusSeconds(7));
    instance.sql(
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "UPDATE event_delivery SET handler_host = NULL WHERE id = ?")) {
            statement.setLong(1, legacy);
            return statement.executeUpdate();
          }
        });

    List<DueDelivery> amongOthers = claimLeavingOut("w1", "busy.example.com:443");
    store().releaseAll("w1");
    List<DueDelivery> allSkipped =
        claimLeavingOut("w1", "busy.example.com:443", "other.example.com:443");

    assertThat(amongOthers).extracting(DueDelivery::id).containsExactly(legacy, other);
    assertThat(allSkipped).extracting(DueDelivery::id).containsExactly(legacy);
  }

  @Test
  void givenMoreHostsPendingThanAClaimNames_claimSkippingHosts_leavesOutOnlyTheSkipped() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i <= JdbcDueDeliveries.MAX_NAMED_HOSTS; i++) {
      ids.add(enqueue("https://h" + i + ".example.com/h", T0.minusSeconds(1000 - i)));
    }

    List<DueDelivery> claimed =
        store()
            .claim("w1", T0, T0.plus(LEASE), 3, Set.of("h0.example.com:443", "h2.example.com:443"));

    assertThat(claimed)
        .extracting(DueDelivery::id)
        .containsExactly(ids.get(1), ids.get(3), ids.get(4));
  }

  @Test
  void givenTwoInstancesClaimingAtOnce_claims_neverOverlap() throws Exception {
    for (int i = 0; i < 200; i++) {
      enqueue("https://a.example.com/h", T0);
    }
    DueDeliveries first = instance.dueDeliveries();
    DueDeliveries second = database().secondInstance().dueDeliveries();
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    List<Long> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
    Runnable claimer1 = () -> claimAll(first, "w1", seen, duplicates);
    Runnable claimer2 = () -> claimAll(second, "w2", seen, duplicates);

    CompletableFuture.allOf(
            CompletableFuture.runAsync(claimer1), CompletableFuture.runAsync(claimer2))
        .get();

    assertThat(duplicates).isEmpty();
    assertThat(seen).hasSize(200);
  }

  private static void claimAll(
      DueDeliveries store, String owner, Set<Long> seen, List<Long> duplicates) {
    while (true) {
      List<DueDelivery> batch = store.claim(owner, T0, T0.plus(LEASE), 7);
      if (batch.isEmpty()) {
        return;
      }
      for (DueDelivery d : batch) {
        if (!seen.add(d.id())) {
          duplicates.add(d.id());
        }
      }
    }
  }

  @Test
  void givenAListener_enqueue_tellsItTheHandlersHostOnlyOnceTheUnitOfWorkCommits() {
    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    instance.outbox().onCommitted(told::add);
    try {
      instance
          .unitOfWork()
          .run(
              () -> {
                enqueue("local.app.1", "ONIMBOTDELETE", "https://a.example.com/h", T0);
                enqueue("local.app.1", "ONIMBOTDELETE", "http://b.example.com:8080/h", T0);
                assertThat(told).as("before the commit").isEmpty();
                return null;
              });
      assertThat(told).containsExactly("a.example.com:443", "b.example.com:8080");
    } finally {
      instance.outbox().onCommitted(host -> {});
    }
  }

  @Test
  void givenATakerOfTheHost_enqueue_writesTheDeliveryLeasedToItAndHandsItOverOnlyAtTheCommit() {
    List<DueDelivery> taken = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    instance.outbox().onCommitted(told::add);
    instance.outbox().takeLocally(taker("w1", "a.example.com:443", taken));
    try {
      long[] ids =
          instance
              .unitOfWork()
              .run(
                  () -> {
                    long a = enqueue("local.app.1", "ONIMBOTDELETE", "https://a.example.com/h", T0);
                    long b =
                        enqueue("local.app.1", "ONIMBOTDELETE", "http://b.example.com:8080/h", T0);
                    assertThat(taken).as("before the commit").isEmpty();
                    return new long[] {a, b};
                  });

      // The host it takes: handed over, not told; the other host's waits for a claim.
      assertThat(taken).extracting(DueDelivery::id).containsExactly(ids[0]);
      assertThat(told).containsExactly("b.example.com:8080");
      // Leased to it: no other worker claims it until the lease runs out.
      assertThat(store().claim("w2", T0, T0.plus(LEASE), 10))
          .extracting(DueDelivery::id)
          .containsExactly(ids[1]);
      Instant leaseOver = T0.plus(TAKER_LEASE);
      List<DueDelivery> after = store().claim("w2", leaseOver, leaseOver.plus(LEASE), 10);
      // What it was handed is what a claim reads back, body and all.
      assertThat(after).containsExactly(taken.get(0));
    } finally {
      instance.outbox().takeLocally(null);
      instance.outbox().onCommitted(host -> {});
    }
  }

  @Test
  void givenATaker_enqueueInAUnitOfWorkThatFails_handsNothingOverAndWritesNothing() {
    List<DueDelivery> taken = new java.util.concurrent.CopyOnWriteArrayList<>();
    instance.outbox().takeLocally(taker("w1", "a.example.com:443", taken));
    try {
      assertThatThrownBy(
              () ->
                  instance
                      .unitOfWork()
                      .run(
                          () -> {
                            enqueue("local.app.1", "ONIMBOTDELETE", "https://a.example.com/h", T0);
                            throw new IllegalStateException("the change fails");
                          }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(taken).isEmpty();
      assertThat(store().claim("w2", T0, T0.plus(LEASE), 10)).isEmpty();
    } finally {
      instance.outbox().takeLocally(null);
    }
  }

  private static final Duration TAKER_LEASE = Duration.ofSeconds(30);

  /** A taker of the deliveries to {@code host} alone, holding them as {@code owner}. */
  private static JdbcEventOutbox.Taker taker(String owner, String host, List<DueDelivery> taken) {
    return new JdbcEventOutbox.Taker(owner, TAKER_LEASE, host::equals, taken::add);
  }

  @Test
  void givenAResponseWithNulBytes_finish_logsTheAttemptWithReplacementCharacters() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 1);

    boolean finished =
        store()
            .finish(
                id,
                "w1",
                new AttemptRecord(
                    1, T0, Duration.ofMillis(3), 500, "PK\u0003\u0004\u0000\u0000x", "HTTP 500"),
                new Verdict.Dead("HTTP 500"));

    assertThat(finished).isTrue();
    assertThat(seen(id).log().get(0).responseStart()).isEqualTo("PK\u0003\u0004\ufffd\ufffdx");
  }

  @Test
  void givenAResponseWithNulBytesAndMicroseconds_finishAll_storesThemAsFinishDoes() {
    long id = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 1);
    Instant started = T0.plusNanos(123_456_000);

    List<Boolean> stored =
        store()
            .finishAll(
                List.of(
                    new DueDeliveries.Outcome(
                        id,
                        "w1",
                        new AttemptRecord(
                            1, started, Duration.ofMillis(3), 500, "PK\u0003\u0000x", "HTTP 500"),
                        new Verdict.RetryAt(T0.plusSeconds(5).plusNanos(654_321_000)))));

    assertThat(stored).containsExactly(true);
    Seen seen = seen(id);
    assertThat(seen.nextAttemptAt()).isEqualTo(T0.plusSeconds(5).plusNanos(654_321_000));
    assertThat(seen.lastError()).isEqualTo("HTTP 500");
    assertThat(seen.log()).hasSize(1);
    assertThat(seen.log().get(0).startedAt()).isEqualTo(started);
    assertThat(seen.log().get(0).responseStart()).isEqualTo("PK\u0003\ufffdx");
    assertThat(seen.log().get(0).status()).isEqualTo(500);

    long delivered = enqueue("https://a.example.com/h", T0);
    store().claim("w1", T0, T0.plus(LEASE), 1);
    store()
        .finishAll(
            List.of(
                new DueDeliveries.Outcome(
                    delivered,
                    "w1",
                    new AttemptRecord(1, started, Duration.ofMillis(7), 200, "ok", null),
                    new Verdict.Delivered())));
    Instant finishedAt =
        instance.sql(
            connection -> {
              try (var statement =
                  connection.prepareStatement(
                      "SELECT finished_at FROM event_delivery WHERE id = ?")) {
                statement.setLong(1, delivered);
                try (var rows = statement.executeQuery()) {
                  rows.next();
                  return rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
                }
              }
            });
    assertThat(finishedAt).isEqualTo(started.plusMillis(7));
    assertThat(seen(delivered).nextAttemptAt()).isEqualTo(started);
  }

  @Test
  void givenOutcomesNotInIdOrder_finishAll_logsTheAttemptsInTheOrderTheyEnded() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ids.add(enqueue("https://a.example.com/h", T0));
    }
    store().claim("w1", T0, T0.plus(LEASE), 60);
    List<Long> ended = new ArrayList<>(ids);
    Collections.reverse(ended);
    Collections.swap(ended, 3, 40);

    List<DueDeliveries.Outcome> outcomes =
        ended.stream()
            .map(
                id ->
                    new DueDeliveries.Outcome(
                        id,
                        "w1",
                        new AttemptRecord(1, T0, Duration.ofMillis(3), 500, "", "HTTP 500"),
                        new Verdict.RetryAt(T0.plusSeconds(5))))
            .toList();
    Database database = instance.bean(Database.class);
    instance
        .unitOfWork()
        .run(
            () -> {
              if (database() == TestDatabase.POSTGRES) {
                // A plan that reads the table in its own order (a hash join, as a batch of
                // hundreds may get): the log must still follow the outcomes.
                database.writeSql(
                    "plan with a hash join",
                    connection -> {
                      try (var statement = connection.createStatement()) {
                        return statement.execute(
                            "SET LOCAL enable_nestloop = off; SET LOCAL enable_mergejoin = off");
                      }
                    });
              }
              return store().finishAll(outcomes);
            });

    // A handler's health counts its failures after its last success by the log's ids.
    List<Long> logged =
        instance.sql(
            connection -> {
              List<Long> order = new ArrayList<>();
              try (var statement = connection.createStatement();
                  var rows =
                      statement.executeQuery(
                          "SELECT delivery_id FROM delivery_attempt ORDER BY id")) {
                while (rows.next()) {
                  order.add(rows.getLong(1));
                }
              }
              return order;
            });
    assertThat(logged).containsExactlyElementsOf(ended);
  }

  @Test
  void givenApplicationWithoutSecret_keysOf_makesOneAndKeepsIt_andRotationKeepsTheOldFor24h() {
    JdbcSigningSecrets secrets = instance.signingSecrets();

    SigningKeys made = secrets.keysOf("app.one");
    SigningKeys rotated = secrets.rotate("app.one", T0);

    assertThat(database().secondInstance().signingSecrets().keysOf("app.one").current())
        .isEqualTo(rotated.current());
    assertThat(rotated.previous()).isEqualTo(made.current());
    assertThat(rotated.previousUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
  }

  @Test
  void givenARotationByAnotherInstance_rotate_keepsThatInstancesSecretSigning() {
    JdbcSigningSecrets here = instance.signingSecrets();
    JdbcSigningSecrets there = database().secondInstance().signingSecrets();
    here.keysOf("app.two"); // cached here for a few seconds
    SigningKeys rotatedThere = there.rotate("app.two", T0);

    SigningKeys rotatedHere = here.rotate("app.two", T0.plusSeconds(1));

    assertThat(rotatedHere.previous()).isEqualTo(rotatedThere.current());
    assertThat(here.keysOf("app.two").current()).isEqualTo(rotatedHere.current());
  }
}
