package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's schema template: the first new database Flyway migrates is kept, later
 * new databases start as a copy of it, equal to what the migrations make; an existing database, a
 * broken template or other settings and migrations never get it.
 */
class SchemaTemplatesTest {
  private static final String[] H2_LOCATIONS =
      SchemaMigration.resolve(PersistenceDefaults.FLYWAY_LOCATIONS.split(","), "H2");

  @TempDir Path temp;

  @Test
  void givenNoTemplate_aNewDatabase_isMigratedAndKeptAsTheTemplate() throws Exception {
    Path templates = temp.resolve("cache");

    start(temp.resolve("first"), templates);

    assertThat(templateFiles(templates)).containsExactly(templates.resolve(expectedName()));
    try (Stream<Path> files = Files.list(templates)) {
      assertThat(files).noneMatch(f -> f.toString().endsWith(".part"));
    }
  }

  @Test
  void givenATemplate_aNewDatabase_isACopyOfItWithoutMigrating() throws Exception {
    Path templates = temp.resolve("cache");
    start(temp.resolve("first"), templates);

    start(temp.resolve("second"), templates);

    // Flyway's history came with the copy: the same rows, down to when they were applied.
    assertThat(history(temp.resolve("second"))).isEqualTo(history(temp.resolve("first")));
    assertThat(templateFiles(templates)).hasSize(1);
  }

  @Test
  void aDatabaseMadeFromTheTemplate_equalsOneTheMigrationsMake() throws Exception {
    Path templates = temp.resolve("cache");
    start(temp.resolve("first"), templates);
    start(temp.resolve("copied"), templates);

    start(temp.resolve("migrated"), null);

    // Fails if a migration ever stores something that differs per run (a random secret, a time):
    // every database made from the template would share the first one's. It also failed while the
    // sequence a migration uses was copied with the values H2 had reserved ahead (33 for 2).
    assertThat(script(temp.resolve("copied"))).isEqualTo(script(temp.resolve("migrated")));
  }

  @Test
  void givenAnExistingDatabase_theTemplate_isLeftAside() throws Exception {
    Path templates = temp.resolve("cache");
    start(temp.resolve("first"), templates);
    Path existing = temp.resolve("existing");
    start(existing, null);
    execute(existing, "UPDATE portal_user SET name = 'Kept' WHERE id = 1");
    List<List<String>> history = history(existing);

    start(existing, templates);

    assertThat(query(existing, "SELECT name FROM portal_user WHERE id = 1"))
        .containsExactly(List.of("Kept"));
    assertThat(history(existing)).isEqualTo(history);
  }

  @Test
  void givenABrokenTemplate_aNewDatabase_isMigratedAndTheTemplateMadeAgain() throws Exception {
    Path templates = Files.createDirectories(temp.resolve("cache"));
    Path template = templates.resolve(expectedName());
    Files.writeString(template, "not a zip file");

    start(temp.resolve("first"), templates);

    assertThat(query(temp.resolve("first"), "SELECT count(*) FROM flyway_schema_history"))
        .singleElement()
        .satisfies(row -> assertThat(Integer.parseInt(row.get(0))).isGreaterThan(20));
    assertThat(SchemaTemplates.restore(template, temp.resolve("probe/imbot.mv.db"))).isTrue();
  }

  @Test
  void givenAPassword_aNewDatabase_isMigratedAndKeptFromNoOther() throws Exception {
    Path templates = temp.resolve("cache");
    start(temp.resolve("first"), templates); // a template made without a password

    try (DatabaseInstance instance =
        DatabaseInstance.start(
            PersistenceDefaults.h2FileUrl(temp.resolve("guarded")),
            Map.of(
                SchemaTemplates.DIR_PROPERTY,
                templates.toString(),
                "datasources.default.username",
                "sa",
                "datasources.default.password",
                "secret"))) {
      // A copy would hold the first database's login, not this one's: the start would fail.
      assertThat(instance.people().listAll()).isNotEmpty();
    }

    assertThat(templateFiles(templates)).hasSize(1);
  }

  @Test
  void theTemplatesName_changesWithTheUserTheUrlsSettingsAndEveryMigration() {
    Map<String, Integer> checksums = MigrationScripts.checksums(H2_LOCATIONS);
    String name = SchemaTemplates.name("sa", "MODE=PostgreSQL", checksums);
    Map<String, Integer> edited = new java.util.HashMap<>(checksums);
    edited.put("1", checksums.get("1") + 1);
    Map<String, Integer> added = new java.util.HashMap<>(checksums);
    added.put("999", 1);

    assertThat(name).startsWith("h2-schema-2.").endsWith(".zip");
    assertThat(SchemaTemplates.name("SA", "MODE=PostgreSQL", checksums)).isEqualTo(name);
    assertThat(SchemaTemplates.name("admin", "MODE=PostgreSQL", checksums)).isNotEqualTo(name);
    assertThat(SchemaTemplates.name("sa", "MODE=MySQL", checksums)).isNotEqualTo(name);
    assertThat(SchemaTemplates.name("sa", "MODE=PostgreSQL", edited)).isNotEqualTo(name);
    assertThat(SchemaTemplates.name("sa", "MODE=PostgreSQL", added)).isNotEqualTo(name);
  }

  @Test
  void onlyAnH2FileUrl_namesADatabaseFile() {
    assertThat(SchemaTemplates.h2File("jdbc:h2:file:/data/imbot;MODE=PostgreSQL;LOCK_TIMEOUT=1"))
        .contains(
            new SchemaTemplates.H2File(
                Path.of("/data/imbot.mv.db"), "MODE=PostgreSQL;LOCK_TIMEOUT=1"));
    assertThat(SchemaTemplates.h2File("jdbc:h2:file:/data/imbot"))
        .contains(new SchemaTemplates.H2File(Path.of("/data/imbot.mv.db"), ""));
    assertThat(SchemaTemplates.h2File("jdbc:h2:file:~/imbot;MODE=PostgreSQL"))
        .contains(
            new SchemaTemplates.H2File(
                Path.of(System.getProperty("user.home"), "imbot.mv.db"), "MODE=PostgreSQL"));
    assertThat(SchemaTemplates.h2File("jdbc:h2:file:nioMapped:/data/imbot")).isEmpty();
    assertThat(SchemaTemplates.h2File("jdbc:h2:mem:test")).isEmpty();
    assertThat(SchemaTemplates.h2File("jdbc:postgresql://localhost/imbot")).isEmpty();
    assertThat(SchemaTemplates.h2File(null)).isEmpty();
  }

  private static String expectedName() {
    String url = PersistenceDefaults.h2FileUrl(Path.of("x"));
    // The user Micronaut's data source takes for an embedded database when none is set.
    return SchemaTemplates.name(
        "sa",
        SchemaTemplates.h2File(url).orElseThrow().settings(),
        MigrationScripts.checksums(H2_LOCATIONS));
  }

  private static void start(Path data, Path templates) {
    Map<String, Object> extra =
        templates == null ? Map.of() : Map.of(SchemaTemplates.DIR_PROPERTY, templates.toString());
    try (DatabaseInstance instance =
        DatabaseInstance.start(PersistenceDefaults.h2FileUrl(data), extra)) {
      assertThat(instance.people().listAll()).isNotEmpty();
    }
  }

  private static List<Path> templateFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
    }
  }

  private static List<List<String>> history(Path data) throws Exception {
    return query(
        data,
        "SELECT version, checksum, installed_on, success FROM flyway_schema_history"
            + " ORDER BY installed_rank");
  }

  /** H2's script of the whole database, but for what differs per database by design. */
  private static List<List<String>> script(Path data) throws Exception {
    return query(data, "SCRIPT").stream()
        .filter(row -> !row.get(0).startsWith("CREATE USER")) // the password's salt
        .filter(row -> !row.get(0).contains("flyway_schema_history")) // when it was applied
        .toList();
  }

  private static void execute(Path data, String sql) throws Exception {
    try (Connection connection = connect(data);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<List<String>> query(Path data, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = connect(data);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Connection connect(Path data) throws Exception {
    return DriverManager.getConnection(PersistenceDefaults.h2FileUrl(data), "sa", "");
  }
}
