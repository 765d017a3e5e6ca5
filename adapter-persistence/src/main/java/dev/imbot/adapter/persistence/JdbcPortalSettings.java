package dev.imbot.adapter.persistence;

import dev.imbot.application.port.out.portal.PortalSettings;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/** Persistence adapter: the portal's settings in {@code portal_setting}, made once and kept. */
@Singleton
public final class JdbcPortalSettings implements PortalSettings {
  private static final String SELECT =
      "SELECT setting_value FROM portal_setting WHERE name = :name";
  // A concurrent insert of the same name waits for the first and then does nothing; both read
  // the first one's value afterwards.
  private static final String INSERT_IF_ABSENT =
      "INSERT INTO portal_setting (name, setting_value) VALUES (:name, :value) ON CONFLICT DO NOTHING";

  private final Database database;

  JdbcPortalSettings(Database database) {
    this.database = database;
  }

  @Override
  public String getOrCreate(String name, Supplier<String> fresh) {
    return database.write(
        "portal setting " + name,
        handle -> {
          var stored = handle.createQuery(SELECT).bind("name", name).mapTo(String.class).findOne();
          if (stored.isPresent()) {
            return stored.get();
          }
          handle
              .createUpdate(INSERT_IF_ABSENT)
              .bind("name", name)
              .bind("value", fresh.get())
              .execute();
          return handle.createQuery(SELECT).bind("name", name).mapTo(String.class).one();
        });
  }
}
