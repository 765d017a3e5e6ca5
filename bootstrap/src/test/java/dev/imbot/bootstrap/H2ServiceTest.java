package dev.imbot.bootstrap;

import java.nio.file.Path;

/** The service end to end on its embedded default, an H2 file database. */
class H2ServiceTest extends ServiceEndToEndTest {
  @Override
  ServiceDatabase freshDatabase(Path directory) {
    return ServiceDatabase.h2File(directory);
  }
}
