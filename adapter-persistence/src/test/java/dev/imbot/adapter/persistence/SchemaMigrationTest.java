package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema check that spares an up-to-date start from Flyway: it agrees with Flyway on every
 * migration's checksum, says "up to date" only when the history is exactly the packaged migrations,
 * and leaves every other case (a changed migration included) to Flyway.
 */
class SchemaMigrationTest {
  private static final String[] LOCATIONS = PersistenceDefaults.FLYWAY_LOCATIONS.split(",");

  private Path directory;
  private String url;

  @BeforeEach
  void newDirectory() throws Exception {
    directory = Files.createTempDirectory("imbot-schema-");
    url = PersistenceDefaults.h2FileUrl(directory);
  }

  @AfterEach
  void deleteDirectory() throws Exception {
    try (var paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void givenEachDatabasesMigrations_checksums_areFlywaysOwn(String product) {
    String[] resolved = SchemaMigration.resolve(LOCATIONS, product);
    // Flyway resolves the files without applying them: an empty H2 database serves both folders.
    Map<String, Integer> flyways = new HashMap<>();
    for (MigrationInfo info :
        Flyway.configure()
            .dataSource("jdbc:h2:mem:checksums" + product, "sa", "")
            .locations(resolved)
            .load()
            .info()
            .all()) {
      flyways.put(info.getVersion().getVersion(), info.getChecksum());
    }

    assertThat(MigrationScripts.checksums(resolved)).isNotEmpty().isEqualTo(flyways);
  }

  @Test
  void givenANewDatabase_check_leavesItToFlywayWithNoHistoryToValidate() throws Exception {
    try (Connection connection = connect()) {
      assertThat(SchemaMigration.upToDate(connection, h2Locations())).isFalse();
      assertThat(SchemaMigration.hasHistory(connection)).isFalse();
    }
    DatabaseInstance.start(url).close();
    try (Connection connection = connect()) {
      assertThat(SchemaMigration.hasHistory(connection)).isTrue();
    }
  }

  @Test
  void givenAChangedMigrationAndAPendingOne_start_stillFailsFlywaysValidation() throws Exception {
    DatabaseInstance.start(url).close();
    execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
    execute("DELETE FROM flyway_schema_history WHERE version = '114'");

    assertThatThrownBy(() -> DatabaseInstance.start(url).close())
        .hasStackTraceContaining("checksum mismatch");
  }

  @Test
  void givenAMigratedDatabase_check_findsItUpToDateAndASecondStartWorks() throws Exception {
    DatabaseInstance.start(url).close();

    try (Connection connection = connect()) {
      assertThat(SchemaMigration.upToDate(connection, h2Locations())).isTrue();
    }
    try (DatabaseInstance again = DatabaseInstance.start(url)) {
      assertThat(again.bots()).isNotNull();
    }
  }

  @Test
  void givenAChangedMigration_start_stillFailsFlywaysValidation() throws Exception {
    DatabaseInstance.start(url).close();
    execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");

    try (Connection connection = connect()) {
      assertThat(SchemaMigration.upToDate(connection, h2Locations())).isFalse();
    }
    assertThatThrownBy(() -> DatabaseInstance.start(url).close())
        .hasStackTraceContaining("checksum mismatch");
  }

  @Test
  void givenAMigrationMissingFromTheHistory_check_leavesItToFlyway() throws Exception {
    DatabaseInstance.start(url).close();
    execute("DELETE FROM flyway_schema_history WHERE version = '100'");

    try (Connection connection = connect()) {
      assertThat(SchemaMigration.upToDate(connection, h2Locations())).isFalse();
    }
  }

  private String[] h2Locations() {
    return SchemaMigration.resolve(LOCATIONS, "H2");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
