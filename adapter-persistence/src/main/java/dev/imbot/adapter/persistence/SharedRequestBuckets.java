package dev.imbot.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.imbot.application.port.out.limit.RequestBuckets;
import dev.imbot.domain.limit.Admission;
import dev.imbot.domain.limit.RequestRate;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Persistence adapter: the request-rate buckets. On PostgreSQL they live in table {@code
 * request_bucket}, one row per key, taken with one atomic upsert, so every instance on the database
 * shares them; on H2, the embedded single-instance default, in memory (Bucket4j). Time comes from
 * the service's {@link Clock}, so tests can move it.
 *
 * <p>A row holds the bucket's free room in millionths of a request and the microsecond it was last
 * refilled: a call refills it for the time since (at most up to the burst), and takes one request
 * only if a whole one is free, in the same statement. Integer arithmetic keeps "50, then 2 a
 * second" exact; the row's lock lasts one statement, so many calls behind one webhook (one hot key)
 * pass one after the other without a transaction each.
 */
@Singleton
public final class SharedRequestBuckets implements RequestBuckets {
  /** Millionths of a request: a row's unit of room. */
  private static final long MICROS = 1_000_000L;

  /** How long a bucket row outlives the moment it would be full again. */
  private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);

  // ?1 key, ?2 a new bucket's room after this call (burst − 1, in millionths), ?3 now (µs),
  // ?4 and ?6 µs to refill from empty to full, ?5 and ?7 requests drained per second (= room
  // refilled per µs, in millionths). The proposed row (EXCLUDED) carries the burst and the time.
  private static final String TAKE =
      "INSERT INTO request_bucket AS b (id, room, refilled_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET"
          + " room = LEAST(EXCLUDED.room + "
          + MICROS
          + ","
          + "   b.room + LEAST(GREATEST(EXCLUDED.refilled_at - b.refilled_at, 0), ?) * ?) - "
          + MICROS
          + ","
          + " refilled_at = GREATEST(b.refilled_at, EXCLUDED.refilled_at)"
          + " WHERE LEAST(EXCLUDED.room + "
          + MICROS
          + ","
          + "   b.room + LEAST(GREATEST(EXCLUDED.refilled_at - b.refilled_at, 0), ?) * ?) >= "
          + MICROS
          + " RETURNING room";

  private static final String FORGET_FULL = "DELETE FROM request_bucket WHERE refilled_at < ?";

  private final Clock clock;
  private final TimeMeter time;
  private final DataSource pool;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();
  private volatile RequestRate lastRate;
  private volatile HikariDataSource ownPool;

  /** The shared buckets' pool, or empty on H2; looked up on first use, not while starting. */
  private volatile Optional<DataSource> shared;

  SharedRequestBuckets(DataSource dataSource, DataSourceResolver resolver, Clock clock) {
    this.clock = clock;
    this.time = new ClockTime(clock);
    this.pool = resolver.resolve(dataSource);
  }

  @Override
  public Admission take(String key, RequestRate rate) {
    if (!rate.equals(lastRate)) {
      lastRate = rate; // for the sweep; written once, not on every call
    }
    DataSource database = shared();
    boolean admitted =
        database != null ? takeShared(database, key, rate) : localBucket(key, rate).tryConsume(1);
    return admitted ? Admission.ADMITTED : Admission.REFUSED;
  }

  private boolean takeShared(DataSource database, String key, RequestRate rate) {
    long fill = fillMicros(rate);
    try (Connection connection = database.getConnection();
        PreparedStatement take = connection.prepareStatement(TAKE)) {
      take.setString(1, key);
      take.setLong(2, (rate.burst() - 1L) * MICROS);
      take.setLong(3, micros(clock.instant()));
      take.setLong(4, fill);
      take.setLong(5, rate.perSecond());
      take.setLong(6, fill);
      take.setLong(7, rate.perSecond());
      try (ResultSet row = take.executeQuery()) {
        // No row: the bucket had no whole request free, and was left as it was.
        return row.next();
      }
    } catch (SQLException e) {
      throw Database.translate("take from the request-rate bucket", e);
    }
  }

  /** Microseconds for an empty bucket to refill to its burst (rounded up). */
  private static long fillMicros(RequestRate rate) {
    long capacity = rate.burst() * MICROS;
    return (capacity + rate.perSecond() - 1) / rate.perSecond();
  }

  private Bucket localBucket(String key, RequestRate rate) {
    Bucket bucket = local.get(key);
    if (bucket == null) {
      bucket =
          local.computeIfAbsent(
              key,
              k ->
                  Bucket.builder()
                      .addLimit(
                          Bandwidth.builder()
                              .capacity(rate.burst())
                              .refillGreedy(rate.perSecond(), Duration.ofSeconds(1))
                              .build())
                      .withCustomTimePrecision(time)
                      .build());
    }
    return bucket;
  }

  private DataSource shared() {
    Optional<DataSource> database = shared;
    if (database == null) {
      synchronized (this) {
        database = shared;
        if (database == null) {
          database = Optional.ofNullable(isPostgres(pool) ? bucketPool() : null);
          shared = database;
        }
      }
    }
    return database.orElse(null);
  }

  /**
   * A pool of its own for the buckets, whose sessions commit without waiting for the disk ({@code
   * synchronous_commit = off}): a bucket is one more write per call, and waiting for its flush as
   * well as the use case's cut registrations to a fraction on a busy disk. A crash may lose the
   * last fraction of a second of bucket state, which only lets a few calls more through. Locking,
   * and so sharing between instances, is unchanged.
   */
  private DataSource bucketPool() {
    if (!(pool instanceof HikariDataSource main)) {
      return pool;
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("imbot-rate-limit");
    config.setJdbcUrl(main.getJdbcUrl());
    config.setUsername(main.getUsername());
    config.setPassword(main.getPassword());
    config.setDataSourceProperties(main.getDataSourceProperties());
    config.setMaximumPoolSize(Math.max(2, main.getMaximumPoolSize() / 2));
    config.setConnectionTimeout(main.getConnectionTimeout());
    config.setConnectionInitSql("SET synchronous_commit TO OFF");
    HikariDataSource buckets = new HikariDataSource(config);
    ownPool = buckets;
    return buckets;
  }

  @PreDestroy
  void close() {
    HikariDataSource buckets = ownPool;
    if (buckets != null) {
      buckets.close();
    }
  }

  /** Forgets buckets that are full again: they would start afresh anyway. */
  @Scheduled(fixedDelay = "5m", initialDelay = "5m")
  void forgetFull() {
    RequestRate rate = lastRate;
    if (shared == null || rate == null) {
      return;
    }
    DataSource database = shared();
    if (database == null) {
      local.values().removeIf(bucket -> bucket.getAvailableTokens() >= rate.burst());
      return;
    }
    long before = micros(clock.instant().minus(KEEP_AFTER_FULL)) - fillMicros(rate);
    try (Connection connection = database.getConnection();
        PreparedStatement forget = connection.prepareStatement(FORGET_FULL)) {
      forget.setLong(1, before);
      forget.executeUpdate();
    } catch (SQLException e) {
      throw Database.translate("forget full request-rate buckets", e);
    }
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static boolean isPostgres(DataSource pool) {
    try (Connection connection = pool.getConnection()) {
      return connection
          .getMetaData()
          .getDatabaseProductName()
          .toLowerCase(Locale.ROOT)
          .contains("postgresql");
    } catch (SQLException e) {
      throw Database.translate("read the database's product name", e);
    }
  }

  /** Bucket4j's time source over the service's clock, with microsecond precision. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return micros(clock.instant()) * 1_000;
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
