package dev.imbot.adapter.persistence;

import dev.imbot.application.contract.PostgresTestUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Test support: the databases the adapter is tested on. Each keeps up to two running instances
 * (contexts with their own pools) for the whole test run; a test gets a wiped schema.
 */
public enum TestDatabase {
  /** An H2 file database in a temporary directory, as the embedded default runs. */
  H2 {
    private Path directory;

    @Override
    synchronized String url() {
      if (directory == null) {
        try {
          directory = Files.createTempDirectory("imbot-h2-");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory)));
      }
      return PersistenceDefaults.h2FileUrl(directory);
    }
  },

  /**
   * The PostgreSQL database named by {@value #POSTGRES_URL_VARIABLE}. Without it the tests are
   * skipped on a developer's machine and fail in CI; a database that cannot be reached fails them
   * ({@link PostgresTestUrl}).
   */
  POSTGRES {
    @Override
    String url() {
      return PostgresTestUrl.require();
    }
  };

  /** The environment variable that hands the tests a PostgreSQL JDBC URL. */
  public static final String POSTGRES_URL_VARIABLE = PostgresTestUrl.VARIABLE;

  private DatabaseInstance first;
  private DatabaseInstance second;
  private RuntimeException startFailure;

  abstract String url();

  /** The shared first instance, started on first use. */
  public synchronized DatabaseInstance instance() {
    String url = url();
    if (startFailure != null) {
      throw startFailure;
    }
    if (first == null) {
      try {
        first = DatabaseInstance.start(url);
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      DatabaseInstance started = first;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return first;
  }

  /** A second instance on the same database, with a connection pool of its own. */
  public synchronized DatabaseInstance secondInstance() {
    instance();
    if (second == null) {
      second = DatabaseInstance.start(url());
      DatabaseInstance started = second;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return second;
  }

  /** A portal on an emptied schema (with the portal's admin, like the in-memory portal). */
  public DatabaseTestPortal freshPortal() {
    DatabaseInstance instance = instance();
    instance.wipe();
    DatabaseTestPortal portal = new DatabaseTestPortal(instance);
    portal.addPerson(dev.imbot.domain.portal.Email.of("admin@portal.example.com"));
    return portal;
  }

  /** A portal on the second instance of this database, sharing the first one's data. */
  public DatabaseTestPortal secondPortal() {
    return new DatabaseTestPortal(secondInstance());
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary directory
    }
  }
}
