package dev.imbot.application.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support: whether a PostgreSQL test runs, and on which database. Without {@value #VARIABLE} a
 * test is skipped on a developer's machine, saying why, but fails in CI ({@code CI=true}), where a
 * skip would hide that the PostgreSQL half of the suite never ran. A database that cannot be
 * reached fails the test everywhere: whoever set the variable asked for these tests.
 */
public final class PostgresTestUrl {
  /** The environment variable that hands the tests a PostgreSQL JDBC URL (.ci/run sets it). */
  public static final String VARIABLE = "IMBOT_TEST_POSTGRES_URL";

  private static Decision decision;
  private static boolean skipReported;

  private PostgresTestUrl() {}

  /** What a PostgreSQL test does. */
  public sealed interface Decision {
    /** Run on {@code url}. */
    record Run(String url) implements Decision {}

    /** Skip, saying why (never in CI). */
    record Skip(String reason) implements Decision {}

    /** Fail, saying why. */
    record Fail(String reason) implements Decision {}
  }

  /**
   * The URL the calling test runs on; otherwise aborts it (a skip, its reason printed once) or
   * fails it with the reason. The database is probed once per test run.
   */
  public static synchronized String require() {
    if (decision == null) {
      decision = decide(System.getenv(), PostgresTestUrl::probe);
    }
    if (decision instanceof Decision.Run run) {
      return run.url();
    }
    if (decision instanceof Decision.Skip skip) {
      if (!skipReported) {
        skipReported = true;
        System.err.println("[PostgresTestUrl] " + skip.reason());
      }
      Assumptions.abort(skip.reason());
    }
    throw new AssertionError(((Decision.Fail) decision).reason());
  }

  /**
   * The decision for {@code environment}; {@code probe} tries the URL and returns why it cannot be
   * reached, or nothing when it can.
   */
  public static Decision decide(
      Map<String, String> environment, Function<String, Optional<String>> probe) {
    boolean ci = "true".equalsIgnoreCase(environment.getOrDefault("CI", "").strip());
    String url = environment.get(VARIABLE);
    if (url == null || url.isBlank()) {
      return ci
          ? new Decision.Fail(
              "PostgreSQL tests cannot run: "
                  + VARIABLE
                  + " is not set, and in CI (CI=true) they must not be skipped"
                  + " (.ci/run creates a database and sets it)")
          : new Decision.Skip(
              "PostgreSQL tests skipped: "
                  + VARIABLE
                  + " is not set (.ci/run creates a database and sets it)");
    }
    Optional<String> unreachable = probe.apply(url);
    if (unreachable.isPresent()) {
      return new Decision.Fail(
          "PostgreSQL tests cannot run: "
              + VARIABLE
              + "="
              + withoutPassword(url)
              + " cannot be reached: "
              + unreachable.get());
    }
    return new Decision.Run(url);
  }

  /** The URL with its password masked, fit for a test report. */
  static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static Optional<String> probe(String url) {
    try (Connection connection = DriverManager.getConnection(url)) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e.getMessage());
    }
  }
}
