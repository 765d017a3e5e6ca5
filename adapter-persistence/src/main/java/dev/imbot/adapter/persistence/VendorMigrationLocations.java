package dev.imbot.adapter.persistence;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Persistence adapter: fills {@value #VENDOR} in the Flyway locations of the default data source
 * with the folder of the database it connects to ({@code h2} or {@code postgresql}), so the choice
 * of database stays a matter of the URL alone. Flyway itself knows no such placeholder.
 */
@Singleton
@Named("default")
final class VendorMigrationLocations implements FlywayConfigurationCustomizer {
  static final String VENDOR = "{vendor}";

  private static final Map<String, String> FOLDERS = Map.of("h2", "h2", "postgresql", "postgresql");

  @Override
  public String getName() {
    return "default";
  }

  @Override
  public void customizeFluentConfiguration(FluentConfiguration configuration) {
    Location[] locations = configuration.getLocations();
    if (Arrays.stream(locations).noneMatch(l -> l.getDescriptor().contains(VENDOR))) {
      return;
    }
    String folder = folderOf(configuration.getDataSource());
    configuration.locations(
        Arrays.stream(locations)
            .map(l -> l.getDescriptor().replace(VENDOR, folder))
            .toArray(String[]::new));
  }

  private static String folderOf(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw Database.translate("read the database's product name", e);
    }
    String folder = FOLDERS.get(product.toLowerCase(Locale.ROOT));
    if (folder == null) {
      throw new IllegalStateException(
          "unsupported database: " + product + "; use H2 or PostgreSQL");
    }
    return folder;
  }
}
