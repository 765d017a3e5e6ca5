package dev.imbot.bootstrap;

import dev.imbot.adapter.persistence.PersistenceDefaults;
import dev.imbot.application.contract.PostgresTestUrl;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Test support: an empty database for the service under test, as configuration: an H2 file in a
 * directory (the embedded default) or a schema of its own in the PostgreSQL database named by
 * {@value #POSTGRES_URL_VARIABLE}. The first-start webhook needs an empty database, so each test
 * takes a fresh one; restarting the service on the same one is the point of several tests.
 */
abstract class ServiceDatabase implements AutoCloseable {
  /** The environment variable that hands the tests a PostgreSQL JDBC URL (see .ci/run). */
  static final String POSTGRES_URL_VARIABLE = PostgresTestUrl.VARIABLE;

  /** The service's configuration for this database, as properties. */
  abstract Map<String, Object> properties();

  /**
   * The same configuration as environment variables, the way an operator runs the jar; empty for
   * the embedded default, which is located through {@code IMBOT_DATA_DIR} instead.
   */
  abstract Map<String, String> environment();

  /** A connection of the test's own, beside the service's pool (arrangement, fault injection). */
  abstract Connection connect() throws SQLException;

  /**
   * Closes, from the server's side, every connection the service has open to the database (the
   * database itself stays up); returns how many there were.
   */
  int terminateServiceConnections() throws SQLException {
    throw new UnsupportedOperationException(this + " cannot terminate connections");
  }

  /** Releases what the database holds (a PostgreSQL schema); the service must be stopped. */
  @Override
  public void close() {}

  /** The embedded default: the H2 file database {@code imbot} in {@code directory}. */
  static ServiceDatabase h2File(Path directory) {
    return new H2File(directory);
  }

  /**
   * A new, empty schema in the database of {@value #POSTGRES_URL_VARIABLE}. Without the variable
   * the calling test is skipped on a developer's machine and fails in CI; a database that cannot be
   * reached fails it ({@link PostgresTestUrl}).
   */
  static ServiceDatabase freshPostgres() {
    return PostgresSchema.create(PostgresTestUrl.require());
  }

  /** The embedded default on a file, as {@code IMBOT_DATA_DIR} places it. */
  private static final class H2File extends ServiceDatabase {
    private final Path directory;

    H2File(Path directory) {
      this.directory = directory;
    }

    @Override
    Map<String, Object> properties() {
      return Map.of(
          "datasources.default.url",
          PersistenceDefaults.h2FileUrl(directory),
          "datasources.default.username",
          "sa",
          "datasources.default.password",
          "");
    }

    @Override
    Map<String, String> environment() {
      return Map.of();
    }

    @Override
    Connection connect() throws SQLException {
      // In the same JVM this joins the service's open database rather than opening the file twice.
      return DriverManager.getConnection(PersistenceDefaults.h2FileUrl(directory), "sa", "");
    }

    @Override
    public String toString() {
      return "H2 file in " + directory;
    }
  }

  /**
   * A schema of its own in the test database, so tests never see each other's rows and the
   * adapter's own PostgreSQL tests (which wipe the default schema) never see ours.
   */
  private static final class PostgresSchema extends ServiceDatabase {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminUrl;
    private final String schemaUrl;
    private final String username;
    private final String password;
    private final String schema;

    private PostgresSchema(
        String adminUrl, String schemaUrl, String username, String password, String schema) {
      this.adminUrl = adminUrl;
      this.schemaUrl = schemaUrl;
      this.username = username;
      this.password = password;
      this.schema = schema;
    }

    static PostgresSchema create(String url) {
      String schema = "e2e_" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
      int query = url.indexOf('?');
      String base = query < 0 ? url : url.substring(0, query);
      Map<String, String> parameters = new LinkedHashMap<>();
      if (query >= 0) {
        for (String pair : url.substring(query + 1).split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String name = eq < 0 ? pair : pair.substring(0, eq);
          String value = eq < 0 ? "" : pair.substring(eq + 1);
          parameters.put(
              URLDecoder.decode(name, StandardCharsets.UTF_8),
              URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
      }
      // The driver's own default user is the OS user, like psql's.
      String username = parameters.remove("user");
      String password = parameters.remove("password");
      parameters.put("currentSchema", schema);
      // Names the service's connections, so a test can tell them from its own and terminate them.
      parameters.put("ApplicationName", schema);
      StringJoiner rest = new StringJoiner("&", base + "?", "");
      parameters.forEach(
          (name, value) ->
              rest.add(
                  URLEncoder.encode(name, StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(value, StandardCharsets.UTF_8)));
      PostgresSchema database =
          new PostgresSchema(
              url,
              rest.toString(),
              username == null ? System.getProperty("user.name") : username,
              password == null ? "" : password,
              schema);
      database.execute("CREATE SCHEMA " + schema);
      return database;
    }

    @Override
    Map<String, Object> properties() {
      return Map.of(
          "datasources.default.url", schemaUrl,
          "datasources.default.username", username,
          "datasources.default.password", password);
    }

    @Override
    Map<String, String> environment() {
      return Map.of(
          "DATASOURCES_DEFAULT_URL", schemaUrl,
          "DATASOURCES_DEFAULT_USERNAME", username,
          "DATASOURCES_DEFAULT_PASSWORD", password);
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(schemaUrl, username, password);
    }

    @Override
    int terminateServiceConnections() throws SQLException {
      try (Connection connection = DriverManager.getConnection(adminUrl);
          java.sql.PreparedStatement terminate =
              connection.prepareStatement(
                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                      + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
        terminate.setString(1, schema);
        try (java.sql.ResultSet count = terminate.executeQuery()) {
          count.next();
          return count.getInt(1);
        }
      }
    }

    @Override
    public void close() {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
      try (Connection connection = DriverManager.getConnection(adminUrl);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(
            POSTGRES_URL_VARIABLE + " is set but its database failed: " + sql + ": " + e, e);
      }
    }

    @Override
    public String toString() {
      return "PostgreSQL schema " + schema;
    }
  }
}
