package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.common.ManualClock;
import dev.imbot.domain.limit.Admission;
import dev.imbot.domain.limit.RequestRate;
import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SharedRequestBuckets} on both databases (in memory on H2, one upsert per call on
 * PostgreSQL): the burst, the refill at the drain rate capped at the burst, keys apart, and on
 * PostgreSQL the sweep of rows that are full again.
 */
class SharedRequestBucketsTest {
  private static final RequestRate THREE_THEN_ONE_A_SECOND = new RequestRate(3, 1);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T08:00:00Z"));
  private SharedRequestBuckets buckets;

  @AfterEach
  void closePool() {
    if (buckets != null) {
      buckets.close();
    }
  }

  private SharedRequestBuckets bucketsOn(TestDatabase database) {
    database.freshPortal();
    DatabaseInstance instance = database.instance();
    if (database == TestDatabase.POSTGRES) {
      try (Connection connection = pool(instance).getConnection()) {
        connection.createStatement().executeUpdate("DELETE FROM request_bucket");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    buckets =
        new SharedRequestBuckets(
            instance.bean(DataSource.class), instance.bean(DataSourceResolver.class), clock);
    return buckets;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void burst_isAdmittedAndTheNextCallRefused_untilTheDrainRateFreesRoom(TestDatabase database) {
    SharedRequestBuckets buckets = bucketsOn(database);

    assertThat(takes(buckets, "webhook:1@10.0.0.1", 4))
        .containsExactly(
            Admission.ADMITTED, Admission.ADMITTED, Admission.ADMITTED, Admission.REFUSED);
    clock.advance(Duration.ofMillis(999));
    assertThat(buckets.take("webhook:1@10.0.0.1", THREE_THEN_ONE_A_SECOND))
        .isEqualTo(Admission.REFUSED);
    clock.advance(Duration.ofMillis(1));
    assertThat(takes(buckets, "webhook:1@10.0.0.1", 2))
        .containsExactly(Admission.ADMITTED, Admission.REFUSED);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void longIdleTime_refillsNoMoreThanTheBurst(TestDatabase database) {
    SharedRequestBuckets buckets = bucketsOn(database);
    takes(buckets, "application:app@10.0.0.1", 3);

    clock.advance(Duration.ofDays(400));

    assertThat(takes(buckets, "application:app@10.0.0.1", 4))
        .containsExactly(
            Admission.ADMITTED, Admission.ADMITTED, Admission.ADMITTED, Admission.REFUSED);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eachKey_hasABucketOfItsOwn(TestDatabase database) {
    SharedRequestBuckets buckets = bucketsOn(database);
    takes(buckets, "webhook:1@10.0.0.1", 4);

    assertThat(buckets.take("webhook:1@10.0.0.2", THREE_THEN_ONE_A_SECOND))
        .isEqualTo(Admission.ADMITTED);
    assertThat(buckets.take("webhook:2@10.0.0.1", THREE_THEN_ONE_A_SECOND))
        .isEqualTo(Admission.ADMITTED);
  }

  @Test
  void givenPostgres_rowFullAgainForAMinute_isForgotten_andARecentOneKept() throws SQLException {
    SharedRequestBuckets buckets = bucketsOn(TestDatabase.POSTGRES);
    DataSource pool = pool(TestDatabase.POSTGRES.instance());
    buckets.take("webhook:1@10.0.0.1", THREE_THEN_ONE_A_SECOND);
    // Three seconds refill the bucket; it is kept one minute more.
    clock.advance(Duration.ofSeconds(3 + 60));
    buckets.take("webhook:2@10.0.0.1", THREE_THEN_ONE_A_SECOND);
    assertThat(rows(pool)).isEqualTo(2);

    buckets.forgetFull();
    assertThat(rows(pool)).isEqualTo(2);

    clock.advance(Duration.ofMillis(1));
    buckets.forgetFull();
    assertThat(rows(pool)).isEqualTo(1);
  }

  @Test
  void givenPostgres_rowWithPlentyOfRoom_givesAReserve_andTheCallsItAdmitsTouchNoRow()
      throws SQLException {
    SharedRequestBuckets buckets = bucketsOn(TestDatabase.POSTGRES);
    DataSource pool = pool(TestDatabase.POSTGRES.instance());
    RequestRate generous = new RequestRate(100_000, 1);

    buckets.take("webhook:1@10.0.0.1", generous);
    long reserved = 100_000 - SharedRequestBuckets.RESERVE;
    assertThat(room(pool, "webhook:1@10.0.0.1")).isEqualTo(reserved);
    for (int i = 1; i < SharedRequestBuckets.RESERVE; i++) {
      assertThat(buckets.take("webhook:1@10.0.0.1", generous)).isEqualTo(Admission.ADMITTED);
    }
    assertThat(room(pool, "webhook:1@10.0.0.1")).isEqualTo(reserved);

    buckets.take("webhook:1@10.0.0.1", generous);
    assertThat(room(pool, "webhook:1@10.0.0.1")).isEqualTo(reserved - SharedRequestBuckets.RESERVE);
  }

  @Test
  void givenPostgres_reserveUnusedForItsLifetime_isLost_andTheNextCallTakesFromTheRow()
      throws SQLException {
    SharedRequestBuckets buckets = bucketsOn(TestDatabase.POSTGRES);
    DataSource pool = pool(TestDatabase.POSTGRES.instance());
    RequestRate oneASecond = new RequestRate(100_000, 1);
    buckets.take("webhook:1@10.0.0.1", oneASecond);
    buckets.take("webhook:1@10.0.0.1", oneASecond);
    long afterReserve = room(pool, "webhook:1@10.0.0.1");

    clock.advance(SharedRequestBuckets.RESERVE_LIFETIME);
    buckets.take("webhook:1@10.0.0.1", oneASecond);

    // The lifetime refilled one request a second (up to the burst); the new reserve took RESERVE.
    long refilled =
        Math.min(
            oneASecond.burst(), afterReserve + SharedRequestBuckets.RESERVE_LIFETIME.toSeconds());
    assertThat(room(pool, "webhook:1@10.0.0.1")).isEqualTo(refilled - SharedRequestBuckets.RESERVE);
  }

  @Test
  void givenPostgres_twoInstancesWithReserves_admitExactlyTheBurst_nothingMore() {
    SharedRequestBuckets first = bucketsOn(TestDatabase.POSTGRES);
    DatabaseInstance instance = TestDatabase.POSTGRES.instance();
    SharedRequestBuckets second =
        new SharedRequestBuckets(
            instance.bean(DataSource.class), instance.bean(DataSourceResolver.class), clock);
    try {
      RequestRate rate = new RequestRate((int) SharedRequestBuckets.PLENTY + 100, 1);
      int admitted = 0;
      int refusedInARow = 0;
      for (int i = 0; refusedInARow < 2; i++) {
        SharedRequestBuckets next = i % 2 == 0 ? first : second;
        if (next.take("webhook:1@10.0.0.1", rate) == Admission.ADMITTED) {
          admitted++;
          refusedInARow = 0;
        } else {
          refusedInARow++;
        }
      }

      assertThat(admitted).isEqualTo(rate.burst());
    } finally {
      second.close();
    }
  }

  @Test
  void givenPostgres_burstBelowAReserveAbovePlenty_firstCallTakesOne() throws SQLException {
    SharedRequestBuckets buckets = bucketsOn(TestDatabase.POSTGRES);
    DataSource pool = pool(TestDatabase.POSTGRES.instance());
    RequestRate justBelow =
        new RequestRate((int) SharedRequestBuckets.PLENTY + SharedRequestBuckets.RESERVE - 1, 1);

    buckets.take("webhook:1@10.0.0.1", justBelow);

    assertThat(room(pool, "webhook:1@10.0.0.1")).isEqualTo(justBelow.burst() - 1L);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void defaultRate_neverReserves_theBurstIsExactPerCall(TestDatabase database) {
    SharedRequestBuckets buckets = bucketsOn(database);
    RequestRate cloud = RequestRate.BITRIX24_CLOUD;
    int admitted = 0;
    while (buckets.take("webhook:1@10.0.0.1", cloud) == Admission.ADMITTED) {
      admitted++;
    }

    assertThat(admitted).isEqualTo(cloud.burst());
  }

  private static long room(DataSource pool, String key) throws SQLException {
    try (Connection connection = pool.getConnection();
        var read = connection.prepareStatement("SELECT room FROM request_bucket WHERE id = ?")) {
      read.setString(1, key);
      try (ResultSet row = read.executeQuery()) {
        row.next();
        return row.getLong(1) / 1_000_000L;
      }
    }
  }

  private static Admission[] takes(SharedRequestBuckets buckets, String key, int count) {
    Admission[] answers = new Admission[count];
    for (int i = 0; i < count; i++) {
      answers[i] = buckets.take(key, THREE_THEN_ONE_A_SECOND);
    }
    return answers;
  }

  /** The pool itself: the context's data source only lends the current transaction's connection. */
  private static DataSource pool(DatabaseInstance instance) {
    return instance.bean(DataSourceResolver.class).resolve(instance.bean(DataSource.class));
  }

  private static int rows(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection();
        ResultSet count =
            connection.createStatement().executeQuery("SELECT count(*) FROM request_bucket")) {
      count.next();
      return count.getInt(1);
    }
  }
}
