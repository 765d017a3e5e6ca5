package dev.imbot.adapter.persistence;

import java.nio.file.Path;

/**
 * Persistence adapter: the configuration values this adapter needs, for the composition root and
 * tests. Keys: {@code datasources.default.url} (plus {@code username}/{@code password}) and {@code
 * flyway.datasources.default.enabled}/{@code locations}.
 */
public final class PersistenceDefaults {

  /**
   * Flyway's locations: the common history plus the folder of the database in use ({@code h2} or
   * {@code postgresql}; Flyway fills in {@code {vendor}}).
   */
  public static final String FLYWAY_LOCATIONS =
      "classpath:db/migration/common,classpath:db/migration/{vendor}";

  /**
   * H2's settings. PostgreSQL mode with lower-case names lets one SQL serve both databases; the
   * lock timeout is raised from H2's default (a second or two) because registrations for one
   * application queue on its row lock, as they do on PostgreSQL, which waits without limit. The
   * per-connection cache of parsed statements is raised from H2's 8: a registration runs a dozen
   * distinct statements, and re-parsing them on every call (parsing consults the tables) took
   * registrations from about 2,500/s down to about 150/s once the tables held 10,000 rows. H2's own
   * shutdown hook does not close the database: it ran beside the service's graceful stop, whose
   * delivery worker then found the database closed when it gave its claims back; the connection
   * pool closes it when the service stops.
   */
  public static final String H2_SETTINGS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
          + ";QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE";

  /**
   * The folder of the embedded database's schema templates (decision 172); unset, none is kept. The
   * service sets it to its class-data folder unless the operator chose one.
   */
  public static final String SCHEMA_TEMPLATE_DIR_PROPERTY = "imbot.schema-template.dir";

  private PersistenceDefaults() {}

  /** The URL of the embedded H2 file database {@code imbot} in {@code directory}. */
  public static String h2FileUrl(Path directory) {
    return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("imbot") + H2_SETTINGS;
  }
}
