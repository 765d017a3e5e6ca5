package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a failure nobody planned for is a bug to the service. Provoked from outside, without
 * touching the code: the schema is changed under the running service (a table renamed by hand). The
 * caller gets {@code 500} with a correlation id and no internals, on the Bitrix front and on the
 * admin API alike; the log has the same id with the stack trace.
 */
class UnexpectedFailureTest {
  private static final String ADMIN_TOKEN = "e2e-admin-token";
  private static final Pattern CORRELATED =
      Pattern.compile("Internal server error \\(correlation id ([0-9a-f-]{36})\\)");

  @TempDir Path temp;

  @Test
  void givenTableRenamedUnderTheService_call_answers500WithCorrelationIdAndNoInternals()
      throws Exception {
    try (ServiceDatabase database = ServiceDatabase.h2File(temp);
        RunningService service =
            RunningService.start(database, Map.of("imbot.admin.token", ADMIN_TOKEN));
        Connection operator = database.connect()) {
      String webhook = service.firstStartLine().orElseThrow().path();
      assertThat(service.get(webhook + "imbot.bot.list").status()).isEqualTo(200);
      execute(operator, "ALTER TABLE bot RENAME TO bot_renamed_by_hand");
      execute(operator, "ALTER TABLE portal_user RENAME TO user_renamed_by_hand");

      assertAnsweredAsBug(() -> service.get(webhook + "imbot.bot.list"));
      assertAnsweredAsBug(() -> service.admin("GET", "/users", null, ADMIN_TOKEN));

      execute(operator, "ALTER TABLE bot_renamed_by_hand RENAME TO bot");
      execute(operator, "ALTER TABLE user_renamed_by_hand RENAME TO portal_user");
      assertThat(service.get(webhook + "imbot.bot.list").status()).isEqualTo(200);
      assertThat(service.admin("GET", "/users", null, ADMIN_TOKEN).status()).isEqualTo(200);
    }
  }

  private static void assertAnsweredAsBug(Supplier<Answer> call) {
    Answer answer;
    String log;
    try (StdoutCapture stdout = StdoutCapture.start()) {
      answer = call.get();
      log = stdout.text();
    }
    assertThat(answer.status()).as(answer.toString()).isEqualTo(500);
    assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(answer.object()).containsOnlyKeys("error", "error_description");
    assertThat(answer.error()).isEqualTo("INTERNAL_SERVER_ERROR");
    Matcher correlated = CORRELATED.matcher(answer.errorDescription());
    assertThat(correlated.matches()).as(answer.errorDescription()).isTrue();
    assertThat(answer.body())
        .doesNotContainIgnoringCase("exception")
        .doesNotContainIgnoringCase("sql")
        .doesNotContain("portal_user", "\tat ", "dev.imbot", "org.h2");
    assertThat(log).contains("correlation id " + correlated.group(1)).contains("\tat ");
  }

  private static void execute(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
