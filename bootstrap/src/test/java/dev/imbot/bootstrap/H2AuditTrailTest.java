package dev.imbot.bootstrap;

import java.nio.file.Path;

/** The audit trail on the embedded default, an H2 file database. */
class H2AuditTrailTest extends AuditTrailTest {
  @Override
  ServiceDatabase freshDatabase(Path directory) {
    return ServiceDatabase.h2File(directory);
  }
}
