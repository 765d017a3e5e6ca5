package dev.imbot.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * On a PostgreSQL schema of its own inside {@code IMBOT_TEST_POSTGRES_URL}'s database (a schema,
 * not a database, so the test role needs no right to create databases).
 */
class PostgresMigrationFromV3Test extends MigrationFromV3Test {
  private String adminUrl;
  private String name;

  @Override
  String newDatabase() throws Exception {
    adminUrl = TestDatabase.POSTGRES.url();
    name = "imbot_migration_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    return adminUrl + (adminUrl.indexOf('?') < 0 ? "?" : "&") + "currentSchema=" + name;
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
      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
