package dev.imbot.bootstrap;

import java.nio.file.Path;

/** The audit trail on PostgreSQL ({@code IMBOT_TEST_POSTGRES_URL}; skipped without it). */
class PostgresAuditTrailTest extends AuditTrailTest {
  @Override
  ServiceDatabase freshDatabase(Path directory) {
    return ServiceDatabase.freshPostgres();
  }
}
