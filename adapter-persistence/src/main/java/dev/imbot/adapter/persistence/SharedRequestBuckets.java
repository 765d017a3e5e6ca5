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
 *
 * <p>A key whose row held plenty of room at its last take ({@value #PLENTY} requests or more: only
 * a generously configured limit has that; for a key not taken yet, its burst) takes {@value
 * #RESERVE} requests at once and admits the next calls from that reserve, kept for a minute,
 * without a statement each. Every admitted call was taken from the shared row; what a reserve does
 * not use within its minute is lost, as if spent. Near a limit, the keys take one request a
 * statement again, exactly.
 */
@Singleton
public final class SharedRequestBuckets implements RequestBuckets {
  /** Millionths of a request: a row's unit of room. */
  private static final long MICROS = 1_000_000L;

  /** How long a bucket row outlives the moment it would be full again. */
  private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);

  // :burst the bucket's size and :taken what this call takes (one request or a reserve), both in
  // millionths; :now in µs; :fill µs to refill from empty to full; :perSecond requests drained per
  // second (= room refilled per µs, in millionths). A new row starts full, less what it gives.
  private static final NamedStatement TAKE =
      NamedStatement.of(
          "INSERT INTO request_bucket AS b (id, room, refilled_at)"
              + " VALUES (:key, :burst - :taken, :now)"
              + " ON CONFLICT (id) DO UPDATE SET"
              + " room = LEAST(:burst,"
              + "   b.room + LEAST(GREATEST(:now - b.refilled_at, 0), :fill) * :perSecond) - :taken,"
              + " refilled_at = GREATEST(b.refilled_at, EXCLUDED.refilled_at)"
              + " WHERE LEAST(:burst,"
              + "   b.room + LEAST(GREATEST(:now - b.refilled_at, 0), :fill) * :perSecond) >= :taken"
              + " RETURNING room");

  /** Requests a key with plenty of room takes from its row at once. */
  static final int RESERVE = 32;

  /** Room, in requests, a row must have kept at a key's last take for its next to reserve. */
  static final long PLENTY = 1_000;

  /** How long a reserve stays usable. */
  // A minute, not a second: callers spread over many keys (every application registering now and
  // then) come back to a key seconds apart, and a reserve they cannot reach again saves nothing.
  static final Duration RESERVE_LIFETIME = Duration.ofMinutes(1);

  private static final String FORGET_FULL = "DELETE FROM request_bucket WHERE refilled_at < ?";

  private final Clock clock;
  private final TimeMeter time;
  private final DataSource pool;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();
  private final Map<String, Reserve> reserves = new ConcurrentHashMap<>();
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
    long now = micros(clock.instant());
    Reserve reserve = reserves.get(key);
    if (reserve != null && reserve.use(now)) {
      return true;
    }
    // A key this instance has not taken from yet has plenty of room when the burst itself has.
    boolean plenty = reserve != null ? reserve.plenty() : rate.burst() >= PLENTY + RESERVE;
    long room;
    if (plenty) {
      room = takeRow(database, key, rate, RESERVE, now);
      if (room >= 0) {
        if (reserve == null) {
          reserve = reserves.computeIfAbsent(key, k -> new Reserve());
        }
        reserve.refill(RESERVE - 1, now + RESERVE_LIFETIME.toNanos() / 1_000, room);
        return true;
      }
    }
    room = takeRow(database, key, rate, 1, now);
    if (room >= PLENTY * MICROS) {
      reserves.computeIfAbsent(key, k -> new Reserve()).refill(0, now, room);
    } else if (reserve != null) {
      reserve.refill(0, now, Math.max(room, 0));
    }
    return room >= 0;
  }

  /**
   * Takes {@code requests} from the key's row in one statement: the room left after them, in
   * millionths, or -1 when the row had not that many whole requests free (it is left as it was).
   */
  private long takeRow(DataSource database, String key, RequestRate rate, int requests, long now) {
    long fill = fillMicros(rate);
    long taken = requests * MICROS;
    try (Connection connection = database.getConnection();
        NamedStatement.Bound take = TAKE.on(connection)) {
      // No row: the bucket had not that many whole requests free, and was left as it was.
      return take.string("key", key)
          .number("burst", rate.burst() * MICROS)
          .number("taken", taken)
          .number("now", now)
          .number("fill", fill)
          .number("perSecond", (long) rate.perSecond())
          .first((row, context) -> row.getLong(1))
          .orElse(-1L);
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
    Instant now = clock.instant();
    long nowMicros = micros(now);
    reserves.values().removeIf(reserve -> reserve.spentBy(nowMicros));
    long before = micros(now.minus(KEEP_AFTER_FULL)) - fillMicros(rate);
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

  /**
   * Requests a key took from its row ahead of its calls, usable until they expire, and the room its
   * row had left at the last take (whether the next take may reserve).
   */
  private static final class Reserve {
    private int left;
    private long expiresAt;
    private long lastRoom;

    synchronized boolean use(long now) {
      if (left > 0 && now < expiresAt) {
        left--;
        return true;
      }
      return false;
    }

    synchronized boolean plenty() {
      return lastRoom >= PLENTY * MICROS;
    }

    synchronized void refill(int requests, long until, long room) {
      left = requests;
      expiresAt = until;
      lastRoom = room;
    }

    synchronized boolean spentBy(long now) {
      return now >= expiresAt;
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
