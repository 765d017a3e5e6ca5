package dev.imbot.adapter.persistence;

import java.nio.file.Files;
import java.nio.file.Path;

/** On an H2 file database in a directory of its own. */
class H2MigrationFromV3Test extends MigrationFromV3Test {
  private Path directory;

  @Override
  String newDatabase() throws Exception {
    directory = Files.createTempDirectory("imbot-migration-");
    return PersistenceDefaults.h2FileUrl(directory);
  }

  @Override
  String user() {
    return "sa";
  }

  @Override
  String vendor() {
    return "h2";
  }

  @Override
  void dropDatabase() throws Exception {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
