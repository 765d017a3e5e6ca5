package dev.imbot.bootstrap;

import dev.imbot.adapter.persistence.PersistenceDefaults;
import io.micronaut.runtime.Micronaut;
import java.util.Map;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * The service's entry point: starts Micronaut with the embedded H2 default or the configured DB.
 */
public final class Application {
  private static final String COMMON_POOL_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";

  static final String SCHEMA_TEMPLATE_DIR = PersistenceDefaults.SCHEMA_TEMPLATE_DIR_PROPERTY;
  static final String SCHEMA_TEMPLATE_VARIABLE = "IMBOT_SCHEMA_TEMPLATE_DIR";

  private Application() {}

  public static void main(String[] args) {
    // First of all: a plain `java -jar` start becomes one with its class-data archive (the same
    // process, started again), before this JVM has read the classes the archive would hold.
    ClassDataArchive.restartIfUseful();
    jdkDefaults(System.getProperties(), Runtime.getRuntime().availableProcessors());
    startCache(System.getProperties(), System.getenv());
    FlightRecorderWarmUp.start();
    ClassDataArchive.checkMapped().ifPresent(LoggerFactory.getLogger(Application.class)::info);
    Micronaut.build(args).mainClass(Application.class).banner(false).start();
    ClassDataArchive.onServiceUp();
  }

  /**
   * The embedded database's schema template is kept with the class-data archive (decision 172) and
   * off with it; the operator's own folder ({@code -D…} or {@code IMBOT_SCHEMA_TEMPLATE_DIR}) wins.
   */
  static void startCache(Properties properties, Map<String, String> environment) {
    if (properties.getProperty(SCHEMA_TEMPLATE_DIR) != null
        || environment.containsKey(SCHEMA_TEMPLATE_VARIABLE)
        || ClassDataArchive.off(ClassDataArchive.setting(properties, environment))) {
      return;
    }
    properties.setProperty(
        SCHEMA_TEMPLATE_DIR, ClassDataArchive.dir(environment).toAbsolutePath().toString());
  }

  /**
   * System properties the service needs before the JDK classes they tune load; a value the operator
   * set (-D…) is kept.
   */
  static void jdkDefaults(Properties properties, int processors) {
    // CompletableFuture's async stages without an executor run on the common pool, which on a
    // machine of two cores or fewer has a single thread, and then CompletableFuture starts a new
    // thread for each task instead. Two threads keep it a pool.
    if (processors <= 2) {
      properties.putIfAbsent(COMMON_POOL_PARALLELISM, "2");
    }
  }
}
