package dev.imbot.adapter.persistence;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Persistence adapter: migrates the schema of the default data source with Flyway as the data
 * source is created, from {@code flyway.datasources.default.locations} with {@value #VENDOR} filled
 * in with the folder of the database it connects to ({@code h2} or {@code postgresql}), so the
 * choice of database stays a matter of the URL alone; off unless {@code
 * flyway.datasources.default.enabled} is true.
 *
 * <p>An up-to-date schema costs one query: when Flyway's history holds exactly the migrations in
 * those locations, each applied successfully with the checksum Flyway computes for its file ({@link
 * MigrationScripts}), Flyway would validate them and find nothing to do, so it is not started at
 * all (it and the JSON library it reads its own configuration with are some 800 classes, a third of
 * a second of every start). Anything else (a new, missing, failed or changed migration, no history
 * yet) runs Flyway exactly as before: it migrates or fails validation.
 */
@Singleton
final class SchemaMigration implements BeanCreatedEventListener<DataSource> {
  static final String VENDOR = "{vendor}";
  static final String HISTORY = "flyway_schema_history";

  private static final System.Logger LOG = System.getLogger(SchemaMigration.class.getName());
  private static final Map<String, String> FOLDERS = Map.of("h2", "h2", "postgresql", "postgresql");

  private final boolean enabled;
  private final String[] locations;
  private final DataSourceResolver resolver;
  private final SchemaTemplates templates;

  SchemaMigration(
      PropertyResolver properties, DataSourceResolver resolver, SchemaTemplates templates) {
    this.enabled = enabled(properties);
    this.locations = locations(properties);
    this.resolver = resolver;
    this.templates = templates;
  }

  /** Whether the default data source is migrated ({@code flyway.datasources.default.enabled}). */
  static boolean enabled(PropertyResolver properties) {
    return properties.getProperty("flyway.datasources.default.enabled", Boolean.class, false);
  }

  /**
   * {@code flyway.datasources.default.locations}, {@value #VENDOR} not yet filled in. Read from the
   * resolver, not with {@code @Value}: "{vendor}" would end a placeholder's default early.
   */
  static String[] locations(PropertyResolver properties) {
    return properties
        .getProperty(
            "flyway.datasources.default.locations",
            String.class,
            PersistenceDefaults.FLYWAY_LOCATIONS)
        .split(",");
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    DataSource dataSource = event.getBean();
    String name =
        event.getBeanDefinition() instanceof NameResolver resolved
            ? resolved.resolveName().orElse("default")
            : "default";
    if (enabled && name.equals("default")) {
      migrate(resolver.resolve(dataSource));
    }
    return dataSource;
  }

  private void migrate(DataSource dataSource) {
    String[] resolved;
    boolean upToDate;
    boolean history;
    try (Connection connection = dataSource.getConnection()) {
      resolved = resolve(locations, connection.getMetaData().getDatabaseProductName());
      upToDate = upToDate(connection, resolved);
      history = upToDate || hasHistory(connection);
    } catch (SQLException e) {
      throw Database.translate("read the schema history", e);
    }
    if (upToDate) {
      LOG.log(Level.INFO, "Schema is up to date with the packaged migrations: Flyway not started");
      return;
    }
    // A new database has nothing applied to check against the packaged migrations: Flyway's
    // validation would only go over them once more before migrating (decision 168). With a
    // history, an edited migration still fails it.
    Flyway.configure()
        .dataSource(dataSource)
        .locations(resolved)
        .validateOnMigrate(history)
        .load()
        .migrate();
    if (!history) {
      templates.migratedNew(dataSource);
    }
  }

  /** {@code locations} with {@value #VENDOR} filled in for the database {@code product}. */
  static String[] resolve(String[] locations, String product) {
    String folder = FOLDERS.get(product.toLowerCase(Locale.ROOT));
    if (folder == null) {
      throw new IllegalStateException(
          "unsupported database: " + product + "; use H2 or PostgreSQL");
    }
    return Arrays.stream(locations)
        .map(l -> l.trim().replace(VENDOR, folder))
        .toArray(String[]::new);
  }

  /**
   * Whether the history on {@code connection} holds exactly the migrations in {@code locations},
   * each applied successfully with the checksum of its file: then Flyway would find nothing to do.
   */
  static boolean upToDate(Connection connection, String[] locations) {
    Map<String, Integer> applied = appliedMigrations(connection);
    return applied != null && applied.equals(MigrationScripts.checksums(locations));
  }

  /**
   * Version to checksum of every applied versioned migration, or null when the history is missing
   * or holds anything else (a failed, repeatable, baseline or undo entry): Flyway decides then.
   */
  private static Map<String, Integer> appliedMigrations(Connection connection) {
    Map<String, Integer> applied = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT version, checksum, type, success FROM " + HISTORY)) {
      while (rows.next()) {
        String version = rows.getString(1);
        int checksum = rows.getInt(2);
        boolean noChecksum = rows.wasNull();
        String type = rows.getString(3);
        if ("SCHEMA".equals(type) || "TABLE".equals(type)) {
          continue; // Flyway's notes that it created the schema or this table: no migrations
        }
        if (!"SQL".equals(type) || !rows.getBoolean(4) || version == null || noChecksum) {
          return null;
        }
        if (applied.put(version, checksum) != null) {
          return null;
        }
      }
    } catch (SQLException e) {
      return null; // no history table yet: a new database
    } finally {
      rollbackQuietly(connection);
    }
    return applied;
  }

  /** Whether Flyway's history table exists (in any schema the connection sees). */
  static boolean hasHistory(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, HISTORY, new String[] {"TABLE"})) {
      return tables.next();
    } finally {
      rollbackQuietly(connection);
    }
  }

  // A failed query leaves a PostgreSQL transaction aborted; the pool hands the connection on.
  private static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // the pool validates the connection before lending it again
    }
  }
}
