package dev.imbot.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.imbot.application.port.out.limit.RequestBuckets;
import dev.imbot.domain.limit.Admission;
import dev.imbot.domain.limit.RequestRate;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Persistence adapter: the request-rate buckets, with Bucket4j. On PostgreSQL they live in table
 * {@code rate_limit_bucket} (one row per key, locked with {@code SELECT … FOR UPDATE}), so every
 * instance on the database shares them; on H2, the embedded single-instance default, in memory.
 * Time comes from the service's {@link Clock}, so tests can move it.
 *
 * <p>A key's proxy is kept between calls with Bucket4j's batching optimisation: calls on one key
 * that arrive while its row is being written wait and go to the database together, as one locked
 * read and one write, instead of queueing on the row one transaction each (a webhook used by many
 * threads at once is one hot key). The bucket's state stays in the database, exact and shared.
 */
@Singleton
public final class Bucket4jRequestBuckets implements RequestBuckets {
  /** How long a bucket row outlives the moment it would be full-drained (empty) again. */
  private static final Duration KEEP_AFTER_DRAINED = Duration.ofMinutes(1);

  private final TimeMeter time;
  private final DataSource pool;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();
  private final Map<String, BucketProxy> remote = new ConcurrentHashMap<>();
  private volatile Configured configured;
  private volatile HikariDataSource ownPool;

  /** The shared back end, or empty on H2; looked up on first use, not while starting. */
  private volatile Optional<PostgreSQLSelectForUpdateBasedProxyManager<String>> shared;

  Bucket4jRequestBuckets(DataSource dataSource, DataSourceResolver resolver, Clock clock) {
    this.time = new ClockTime(clock);
    this.pool = resolver.resolve(dataSource);
  }

  private PostgreSQLSelectForUpdateBasedProxyManager<String> shared() {
    Optional<PostgreSQLSelectForUpdateBasedProxyManager<String>> backEnd = shared;
    if (backEnd == null) {
      synchronized (this) {
        backEnd = shared;
        if (backEnd == null) {
          backEnd = Optional.ofNullable(postgresBackEnd());
          shared = backEnd;
        }
      }
    }
    return backEnd.orElse(null);
  }

  private PostgreSQLSelectForUpdateBasedProxyManager<String> postgresBackEnd() {
    return isPostgres(pool)
        ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(bucketPool())
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .clientClock(time)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    KEEP_AFTER_DRAINED))
            .build()
        : null;
  }

  @Override
  public Admission take(String key, RequestRate rate) {
    BucketConfiguration configuration = configurationOf(rate);
    PostgreSQLSelectForUpdateBasedProxyManager<String> shared = shared();
    Bucket bucket =
        shared != null
            ? remote.computeIfAbsent(
                key,
                k ->
                    shared
                        .builder()
                        .withOptimization(Optimizations.batching())
                        .build(k, this::currentConfiguration))
            : local.computeIfAbsent(
                key,
                k ->
                    Bucket.builder()
                        .addLimit(configuration.getBandwidths()[0])
                        .withCustomTimePrecision(time)
                        .build());
    return consumeOne(bucket) ? Admission.ADMITTED : Admission.REFUSED;
  }

  /**
   * Takes one token. With batching, calls that queued behind the one creating a key's row are sent
   * as a batch that Bucket4j answers "bucket does not exist" for (only the first call of a batch
   * recovers by creating the row); nothing was consumed for them, so they are sent again, and then
   * find the row.
   */
  private static boolean consumeOne(Bucket bucket) {
    for (int attempt = 1; ; attempt++) {
      try {
        return bucket.tryConsume(1);
      } catch (RuntimeException e) {
        if (attempt == 3 || !bucketNotFound(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean bucketNotFound(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BucketNotFoundException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A pool of its own for the buckets, whose sessions commit without waiting for the disk ({@code
   * synchronous_commit = off}): a bucket is one more transaction per call, and waiting for its
   * flush as well as the use case's cut registrations to a fraction on a busy disk. A crash may
   * lose the last fraction of a second of bucket state, which only lets a few calls more through.
   * Locking, and so sharing between instances, is unchanged.
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

  /** Forgets buckets that have drained completely: they would start afresh anyway. */
  @Scheduled(fixedDelay = "5m", initialDelay = "5m")
  void forgetDrained() {
    if (shared == null) {
      return;
    }
    PostgreSQLSelectForUpdateBasedProxyManager<String> shared = shared();
    if (shared != null) {
      // Proxies hold no bucket state (the row does); dropping them keeps the map to recent keys.
      remote.clear();
      while (shared.removeExpired(1000) == 1000) {
        // more to remove
      }
      return;
    }
    Configured current = configured;
    if (current != null) {
      long capacity = current.rate().burst();
      local.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
    }
  }

  /** The configuration a bucket row is created with: the one of the latest call. */
  private BucketConfiguration currentConfiguration() {
    return configured.configuration();
  }

  private BucketConfiguration configurationOf(RequestRate rate) {
    Configured current = configured;
    if (current == null || !current.rate().equals(rate)) {
      if (current != null) {
        remote.clear();
      }
      current =
          new Configured(
              rate,
              BucketConfiguration.builder()
                  .addLimit(
                      Bandwidth.builder()
                          .capacity(rate.burst())
                          .refillGreedy(rate.perSecond(), Duration.ofSeconds(1))
                          .build())
                  .build());
      configured = current;
    }
    return current.configuration();
  }

  private record Configured(RequestRate rate, BucketConfiguration configuration) {}

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
      return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, clock.instant()) * 1_000;
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
