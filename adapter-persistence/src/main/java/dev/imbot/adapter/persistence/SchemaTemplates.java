package dev.imbot.adapter.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;

/**
 * Persistence adapter: a new embedded database starts as a copy of the schema the same migrations
 * made before. The first new H2 file database that Flyway migrates is backed up (H2's {@code
 * BACKUP}, consistent while open) into {@code imbot.schema-template.dir}; a later start whose H2
 * file does not exist yet gets that copy in place before the pool opens it, and finds its schema up
 * to date. The copy is named by H2's version, the URL's settings and every migration's checksum, so
 * any change to them makes (and uses) another one. Off unless the folder is set; a copy that cannot
 * be read or written only costs the migration it would have saved.
 */
@Singleton
final class SchemaTemplates implements BeanCreatedEventListener<DatasourceConfiguration> {
  static final String DIR_PROPERTY = PersistenceDefaults.SCHEMA_TEMPLATE_DIR_PROPERTY;

  private static final System.Logger LOG = System.getLogger(SchemaTemplates.class.getName());
  private static final String H2_FILE = "jdbc:h2:file:";
  private static final String H2_SUFFIX = ".mv.db";
  // Two letters or more before a colon: one of H2's file systems, not a Windows drive.
  private static final Pattern FILE_SYSTEM_PREFIX = Pattern.compile("[A-Za-z]{2,}:");

  private final Path dir;
  private final boolean migrating;
  private final String[] locations;

  /** The copy the default data source's database was made from or is to be saved as, if any. */
  private volatile Path template;

  SchemaTemplates(PropertyResolver properties) {
    String chosen = properties.getProperty(DIR_PROPERTY, String.class, "");
    this.dir = chosen.isBlank() ? null : Path.of(chosen);
    this.migrating = SchemaMigration.enabled(properties);
    this.locations = SchemaMigration.locations(properties);
  }

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration configuration = event.getBean();
    // A database made with a password holds that password's hash: a copy made with another
    // would lock its own start out, so such databases always migrate (H2's default has none).
    String password = configuration.getPassword();
    if (dir != null
        && migrating
        && "default".equals(configuration.getName())
        && (password == null || password.isEmpty())) {
      h2File(configuration.getUrl())
          .filter(h2 -> !h2.settings().toUpperCase(Locale.ROOT).contains("CIPHER="))
          .ifPresent(
              h2 -> {
                Map<String, Integer> checksums =
                    MigrationScripts.checksums(SchemaMigration.resolve(locations, "H2"));
                if (checksums != null) {
                  template =
                      dir.resolve(name(configuration.getUsername(), h2.settings(), checksums));
                  if (restore(template, h2.database())) {
                    LOG.log(
                        Level.INFO,
                        "New embedded database {0} made from the schema template {1}",
                        h2.database(),
                        template);
                  }
                }
              });
    }
    return configuration;
  }

  /**
   * After Flyway migrated a new database: saves it as the template this start looked for, unless
   * there is none to look for or one is there already (another start's, equal by its name).
   */
  void migratedNew(DataSource dataSource) {
    Path target = template;
    if (target == null || Files.exists(target)) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      save(connection, target);
    } catch (SQLException e) {
      LOG.log(Level.INFO, "Schema template {0} not saved: {1}", target, e.getMessage());
    }
  }

  /** An H2 file database's {@code .mv.db} file and the URL's settings after its path. */
  record H2File(Path database, String settings) {}

  /** The H2 file database a URL names, if it names one ({@code jdbc:h2:file:<path>[;…]}). */
  static Optional<H2File> h2File(String url) {
    if (url == null || !url.startsWith(H2_FILE)) {
      return Optional.empty();
    }
    String rest = url.substring(H2_FILE.length());
    int semicolon = rest.indexOf(';');
    String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
    String settings = semicolon < 0 ? "" : rest.substring(semicolon + 1);
    if (path.isBlank() || FILE_SYSTEM_PREFIX.matcher(path).lookingAt()) {
      return Optional.empty(); // H2's other file systems (nio:, split:, memFS:…) are left alone
    }
    if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
      path = System.getProperty("user.home") + path.substring(1); // as H2 reads it
    }
    return Optional.of(new H2File(Path.of(path + H2_SUFFIX).toAbsolutePath(), settings));
  }

  /**
   * The template's file name: H2's version, and hashed, what the database was made with (its user
   * and the URL's settings) and the migrations.
   */
  static String name(String user, String settings, Map<String, Integer> checksums) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // H2 makes the database's first user the one that creates it: a copy holds the maker's.
      String maker = user == null ? "" : user.toUpperCase(Locale.ROOT);
      sha.update((maker + ";" + settings).getBytes(StandardCharsets.UTF_8));
      new TreeMap<>(checksums)
          .forEach(
              (version, sum) ->
                  sha.update((";" + version + "=" + sum).getBytes(StandardCharsets.UTF_8)));
      String hash = HexFormat.of().formatHex(sha.digest(), 0, 8);
      return "h2-schema-" + h2Version() + "-" + hash + ".zip";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  // H2 is this module's run-time dependency only; its file format is H2's own, per version.
  private static String h2Version() {
    try {
      return String.valueOf(Class.forName("org.h2.engine.Constants").getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "unknown";
    }
  }

  /**
   * Puts the database file of {@code template} at {@code database} if there is no database there
   * yet; false (and nothing written) when there is one, or no template, or it cannot be used. A
   * template that cannot be read is deleted, so this start's migration saves a good one.
   */
  static boolean restore(Path template, Path database) {
    if (Files.exists(database) || !Files.isRegularFile(template)) {
      return false;
    }
    Path part =
        database.resolveSibling(
            database.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    try {
      Files.createDirectories(database.getParent());
      if (!unzipDatabase(template, part)) {
        LOG.log(Level.WARNING, "Schema template {0} not readable: migrating instead", template);
        deleteQuietly(template);
        return false;
      }
      place(part, database);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false; // another start made this database meanwhile
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Schema template {0} not used, migrating instead: {1}", template, e);
      return false;
    } finally {
      deleteQuietly(part);
    }
  }

  /**
   * Writes the template's database file to {@code part}; false when the template is no zip file
   * with one (cut short, damaged, something else). Writing errors are thrown.
   */
  private static boolean unzipDatabase(Path template, Path part) throws IOException {
    try (InputStream in = Files.newInputStream(template);
        ZipInputStream zip = new ZipInputStream(in)) {
      if (!atDatabaseEntry(zip)) {
        return false;
      }
      Files.copy(zip, part, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (ZipException | EOFException e) {
      return false;
    }
  }

  /**
   * Puts {@code part} at {@code database}, whole, and never over a database another start made
   * meanwhile: a hard link fails if the name is taken; where the file system has none, a move
   * (which checks, then renames).
   */
  private static void place(Path part, Path database) throws IOException {
    try {
      Files.createLink(database, part);
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (e instanceof FileAlreadyExistsException taken) {
        throw taken;
      }
      Files.move(part, database);
    }
  }

  /** Backs the database of {@code connection} up as {@code template}, whole or not at all. */
  static void save(Connection connection, Path template) {
    Path part = template.resolveSibling(template.getFileName() + "." + System.nanoTime() + ".part");
    try {
      Files.createDirectories(template.getParent());
      try (Statement statement = connection.createStatement()) {
        pinSequences(statement);
        statement.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'");
      }
      if (!holdsDatabase(part)) {
        throw new IOException("the backup holds no database file");
      }
      try {
        Files.move(part, template, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, template, StandardCopyOption.REPLACE_EXISTING);
      }
      LOG.log(Level.INFO, "Schema template saved: {0}", template);
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.log(Level.INFO, "Schema template {0} not saved: {1}", template, e);
    } finally {
      deleteQuietly(part);
    }
  }

  /**
   * Writes each sequence's next value as it is: H2 stores a sequence as the end of the values it
   * has handed out in advance (32 by default), so a copy of an open database would go on from there
   * (the migrations' one user would make the next one 33, not 2). Nothing else uses the database
   * while it is migrated, so this changes no value it hands out. Identity columns are not listed
   * there; no migration inserts into one (the test comparing a copy with a migrated database would
   * show it).
   */
  private static void pinSequences(Statement statement) throws SQLException {
    List<String> restarts = new ArrayList<>();
    try (ResultSet sequences =
        statement.executeQuery(
            "SELECT sequence_schema, sequence_name, base_value FROM information_schema.sequences"
                + " WHERE sequence_schema <> 'INFORMATION_SCHEMA'")) {
      while (sequences.next()) {
        restarts.add(
            "ALTER SEQUENCE "
                + quoted(sequences.getString(1))
                + "."
                + quoted(sequences.getString(2))
                + " RESTART WITH "
                + sequences.getLong(3));
      }
    }
    for (String restart : restarts) {
      statement.execute(restart);
    }
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static boolean holdsDatabase(Path zipFile) throws IOException {
    try (InputStream in = Files.newInputStream(zipFile);
        ZipInputStream zip = new ZipInputStream(in)) {
      return atDatabaseEntry(zip);
    }
  }

  /** Moves {@code zip} to its H2 database file's entry; false when it holds none. */
  private static boolean atDatabaseEntry(ZipInputStream zip) throws IOException {
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (!entry.isDirectory() && entry.getName().endsWith(H2_SUFFIX)) {
        return true;
      }
    }
    return false;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a part file left behind is only clutter: every part has a name of its own
    }
  }
}
