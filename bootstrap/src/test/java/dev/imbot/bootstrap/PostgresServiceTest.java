package dev.imbot.bootstrap;

import java.nio.file.Path;

/**
 * The service end to end on PostgreSQL ({@code IMBOT_TEST_POSTGRES_URL}; skipped without it), in a
 * schema of its own per test.
 */
class PostgresServiceTest extends ServiceEndToEndTest {
  @Override
  ServiceDatabase freshDatabase(Path directory) {
    return ServiceDatabase.freshPostgres();
  }
}
