package dev.imbot.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** On a PostgreSQL database of its own, created beside {@code IMBOT_TEST_POSTGRES_URL}'s. */
class PostgresMigrationFromV3Test extends MigrationFromV3Test {
  private String adminUrl;
  private String name;

  @Override
  String newDatabase() throws Exception {
    adminUrl = TestDatabase.POSTGRES.url();
    name = "imbot_migration_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    int query = adminUrl.indexOf('?');
    String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
    String parameters = query < 0 ? "" : adminUrl.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + parameters;
  }

  @Override
  String vendor() {
    return "postgresql";
  }

  @Override
  void dropDatabase() throws Exception {
    if (name == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
