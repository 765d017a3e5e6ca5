package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.delivery.SigningSecrets;
import dev.imbot.domain.delivery.SigningKeys;
import dev.imbot.domain.delivery.SigningSecret;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Persistence adapter: each application's webhook signing secrets in {@code signing_secret}. */
@Singleton
public final class JdbcSigningSecrets implements SigningSecrets {
  private static final String FIND =
      "SELECT current_secret, previous_secret, previous_until FROM signing_secret"
          + " WHERE application_key = :key";
  // Two instances making an application's first secret at once: the second insert does nothing,
  // and both read back the one that won.
  private static final String CREATE =
      "INSERT INTO signing_secret (application_key, current_secret) VALUES (:key, :secret)"
          + " ON CONFLICT DO NOTHING";
  private static final String ROTATE =
      "UPDATE signing_secret SET current_secret = :current, previous_secret = :previous,"
          + " previous_until = :previousUntil WHERE application_key = :key";

  /** How long an instance trusts the keys it read: a rotation elsewhere shows within this time. */
  private static final java.time.Duration CACHED_FOR = java.time.Duration.ofSeconds(10);

  private record Cached(SigningKeys keys, long readAtNanos) {}

  private final Database database;
  private final SecureRandom random = new SecureRandom();
  private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache =
      new java.util.concurrent.ConcurrentHashMap<>();

  JdbcSigningSecrets(Database database) {
    this.database = database;
  }

  /** Read once per application every few seconds: every attempt needs the keys. */
  @Override
  public SigningKeys keysOf(String application) {
    Cached cached = cache.get(application);
    if (cached != null && System.nanoTime() - cached.readAtNanos() < CACHED_FOR.toNanos()) {
      return cached.keys();
    }
    SigningKeys keys = stored(application);
    cache.put(application, new Cached(keys, System.nanoTime()));
    return keys;
  }

  private SigningKeys stored(String application) {
    return find(application)
        .orElseGet(
            () -> {
              database.write(
                  "make the signing secret of " + application,
                  handle ->
                      handle
                          .createUpdate(CREATE)
                          .bind("key", application)
                          .bind("secret", SigningSecret.generate(random).text())
                          .execute());
              return find(application).orElseThrow();
            });
  }

  /**
   * Reads the stored keys under a row lock (not the cache, which may be seconds old), so two
   * rotations at once, in any instances, follow each other: each keeps the one before it signing.
   */
  @Override
  public SigningKeys rotate(String application, Instant now) {
    keysOf(application); // makes the first secret when there is none yet
    SigningKeys rotated =
        database.write(
            "rotate the signing secret of " + application,
            handle -> {
              SigningKeys stored =
                  handle
                      .createQuery(FIND + " FOR UPDATE")
                      .bind("key", application)
                      .map((rs, ctx) -> keys(rs))
                      .one();
              SigningKeys next = stored.rotateTo(SigningSecret.generate(random), now);
              handle
                  .createUpdate(ROTATE)
                  .bind("current", next.current().text())
                  .bind("previous", next.previous().text())
                  .bind("previousUntil", next.previousUntil())
                  .bind("key", application)
                  .execute();
              return next;
            });
    cache.remove(application);
    return rotated;
  }

  private Optional<SigningKeys> find(String application) {
    return database.read(
        "read the signing secret of " + application,
        handle ->
            handle.createQuery(FIND).bind("key", application).map((rs, ctx) -> keys(rs)).findOne());
  }

  private static SigningKeys keys(java.sql.ResultSet rs) throws java.sql.SQLException {
    SigningSecret current = SigningSecret.parse(rs.getString(1));
    String previous = rs.getString(2);
    java.time.OffsetDateTime until = rs.getObject(3, java.time.OffsetDateTime.class);
    return previous == null
        ? SigningKeys.of(current)
        : new SigningKeys(current, SigningSecret.parse(previous), until.toInstant());
  }
}
