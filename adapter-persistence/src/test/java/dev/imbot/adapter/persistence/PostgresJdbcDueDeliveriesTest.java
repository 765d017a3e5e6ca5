package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link JdbcDueDeliveries} on PostgreSQL ({@code IMBOT_TEST_POSTGRES_URL}). */
class PostgresJdbcDueDeliveriesTest extends JdbcDueDeliveriesTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }

  @Test
  void givenStatisticsOfASmallTable_theWorkersPlanningMode_findsVerdictRowsByIdInTheGrownTable() {
    enqueuePending(10);
    String plan =
        instance.sql(
            connection -> {
              String custom;
              try (Statement statement = connection.createStatement()) {
                try {
                  // Statistics read while the table was small (a fresh service; no autovacuum
                  // since); a generic plan made then reads the whole table per batch (decision
                  // 169).
                  statement.execute("ANALYZE event_delivery");
                  String sql = JdbcDueDeliveries.FINISH_ALL;
                  for (int n = 1; sql.contains("?"); n++) {
                    sql = sql.replaceFirst("\\?", "\\$" + n);
                  }
                  statement.execute("PREPARE finish_all_probe AS " + sql);
                  String run =
                      "finish_all_probe(ARRAY[-1, -2, -3], ARRAY['w', 'w', 'w'],"
                          + " ARRAY['DELIVERED', 'DELIVERED', 'DELIVERED'],"
                          + " ARRAY['2026-12-04T10:00:00Z', '2026-12-04T10:00:00Z',"
                          + " '2026-12-04T10:00:00Z'], ARRAY[NULL, NULL, NULL]::text[],"
                          + " ARRAY[NULL, NULL, NULL]::text[], ARRAY[1, 1, 1],"
                          + " ARRAY['2026-12-04T10:00:00Z', '2026-12-04T10:00:00Z',"
                          + " '2026-12-04T10:00:00Z'], ARRAY[5, 5, 5], ARRAY[200, 200, 200],"
                          + " ARRAY['OK', 'OK', 'OK'], ARRAY[NULL, NULL, NULL]::text[])";
                  // The table grows to 20,000 rows without another ANALYZE.
                  String columns;
                  try (ResultSet rows =
                      statement.executeQuery(
                          "SELECT string_agg(column_name, ', ') FROM information_schema.columns"
                              + " WHERE table_name = 'event_delivery' AND column_name <> 'id'")) {
                    rows.next();
                    columns = rows.getString(1);
                  }
                  statement.execute(
                      "INSERT INTO event_delivery ("
                          + columns
                          + ") SELECT "
                          + columns
                          + " FROM event_delivery CROSS JOIN generate_series(1, 2000)");
                  // As the worker's own writes run (Database.writeUnflushed).
                  statement.execute("SET plan_cache_mode = force_custom_plan");
                  custom = explain(statement, "EXPLAIN EXECUTE " + run);
                } finally {
                  statement.execute("DEALLOCATE ALL");
                  statement.execute("RESET plan_cache_mode");
                }
              }
              return custom;
            });

    assertThat(plan)
        .as(plan)
        .contains("event_delivery_pkey")
        .doesNotContain("Seq Scan on event_delivery");
  }

  @Test
  void theIndexesTheWorkerReads_holdOnlyPendingRows_andThePruningIndexOnlyFinishedOnes() {
    String definitions =
        instance.sql(
            connection -> {
              StringBuilder text = new StringBuilder();
              try (Statement statement = connection.createStatement();
                  ResultSet rows =
                      statement.executeQuery(
                          "SELECT indexname || ': ' || indexdef FROM pg_indexes"
                              + " WHERE tablename = 'event_delivery' ORDER BY indexname")) {
                while (rows.next()) {
                  text.append(rows.getString(1)).append('\n');
                }
              }
              return text.toString();
            });

    assertThat(definitions)
        .as(definitions)
        .containsPattern("event_delivery_due_idx: .* WHERE \\(\\(status\\)::text = 'PENDING'")
        .containsPattern("event_delivery_host_due_idx: .* WHERE \\(\\(status\\)::text = 'PENDING'")
        .containsPattern("event_delivery_finished_idx: .* WHERE \\(finished_at IS NOT NULL\\)");
  }

  @Test
  void givenPendingDeliveries_theBacklogQuery_readsThroughIndexesNotTheTable() {
    enqueuePending(10);
    String plan =
        instance.sql(
            connection -> {
              try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE event_delivery");
                statement.execute("SET enable_seqscan = off");
                try {
                  return explain(statement, "EXPLAIN " + JdbcDeliveryLog.BACKLOG);
                } finally {
                  statement.execute("RESET enable_seqscan");
                }
              }
            });

    assertThat(plan).as(plan).doesNotContain("Seq Scan on event_delivery");
  }

  private void enqueuePending(int count) {
    for (int i = 0; i < count; i++) {
      enqueue("local.app.1", "ONIMBOTDELETE", "http://127.0.0.1:9/", T0);
    }
  }

  private static String explain(Statement statement, String query) throws java.sql.SQLException {
    StringBuilder text = new StringBuilder();
    try (ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        text.append(rows.getString(1)).append('\n');
      }
    }
    return text.toString();
  }

  @Test
  void givenMostFinished_verdictsAndGiveBacks_findTheirRowByItsIdInThePlanUsedAfterFiveRuns()
      throws Exception {
    Instant now = T0;
    enqueuePending(300);
    store().claim("worker-1", now, now.plusSeconds(60), 300);
    String plans =
        instance.sql(
            connection -> {
              StringBuilder text = new StringBuilder();
              try (Statement statement = connection.createStatement()) {
                // As on a running service: most rows finished (no lease), statistics read then.
                statement.execute(
                    "UPDATE event_delivery SET status = 'DELIVERED', finished_at = created_at,"
                        + " lease_owner = NULL, lease_until = NULL WHERE id NOT IN"
                        + " (SELECT id FROM event_delivery ORDER BY id LIMIT 10)");
                statement.execute("ANALYZE event_delivery");
                // The plan a prepared statement settles on after its first five runs; the pooled
                // connection is left as it was, whatever happens.
                try {
                  statement.execute("SET plan_cache_mode = force_generic_plan");
                  statement.execute(
                      "PREPARE finish_probe(bigint, varchar) AS UPDATE event_delivery"
                          + " SET status = 'DELIVERED', lease_owner = NULL, lease_until = NULL"
                          + " WHERE id = $1 AND lease_owner = $2");
                  statement.execute(
                      "PREPARE defer_probe(bigint, bigint, varchar) AS UPDATE event_delivery"
                          + " SET lease_owner = NULL, lease_until = NULL"
                          + " WHERE id IN ($1, $2) AND lease_owner = $3");
                  for (String probe :
                      new String[] {
                        "EXPLAIN EXECUTE finish_probe(1, 'worker-1')",
                        "EXPLAIN EXECUTE defer_probe(1, 2, 'worker-1')"
                      }) {
                    text.append(explain(statement, probe));
                  }
                } finally {
                  statement.execute("DEALLOCATE ALL");
                  statement.execute("RESET plan_cache_mode");
                }
              }
              return text.toString();
            });

    assertThat(plans)
        .contains("event_delivery_pkey")
        .doesNotContainPattern("Index Scan (using|on) event_delivery_(?!pkey)");
  }
}
