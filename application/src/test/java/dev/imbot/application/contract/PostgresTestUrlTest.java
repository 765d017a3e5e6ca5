package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.contract.PostgresTestUrl.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The decision whether a PostgreSQL test runs, skips or fails, without any database. */
class PostgresTestUrlTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/db?user=u&password=secret";

  private static final Function<String, Optional<String>> REACHABLE = url -> Optional.empty();
  private static final Function<String, Optional<String>> UNREACHABLE =
      url -> Optional.of("Connection to 127.0.0.1:5432 refused");

  @Test
  void givenNoUrlOnADevelopersMachine_decide_skipsSayingWhy() {
    Decision decision = PostgresTestUrl.decide(Map.of(), REACHABLE);

    assertThat(decision).isInstanceOf(Decision.Skip.class);
    assertThat(((Decision.Skip) decision).reason())
        .contains(PostgresTestUrl.VARIABLE)
        .contains("is not set");
  }

  @Test
  void givenNoUrlInCi_decide_failsSayingWhy() {
    Decision decision = PostgresTestUrl.decide(Map.of("CI", "true"), REACHABLE);

    assertThat(decision).isInstanceOf(Decision.Fail.class);
    assertThat(((Decision.Fail) decision).reason())
        .contains(PostgresTestUrl.VARIABLE + " is not set")
        .contains("CI=true");
  }

  @Test
  void givenABlankUrlInCiSpeltInCapitals_decide_fails() {
    Decision decision =
        PostgresTestUrl.decide(Map.of("CI", "TRUE", PostgresTestUrl.VARIABLE, " "), REACHABLE);

    assertThat(decision).isInstanceOf(Decision.Fail.class);
  }

  @Test
  void givenCiSetToSomethingElse_decide_skipsLikeADevelopersMachine() {
    Decision decision = PostgresTestUrl.decide(Map.of("CI", "false"), REACHABLE);

    assertThat(decision).isInstanceOf(Decision.Skip.class);
  }

  @Test
  void givenAnUnreachableUrl_decide_failsInCiAndLocallyWithTheCauseAndNoPassword() {
    for (Map<String, String> environment :
        List.of(
            Map.of(PostgresTestUrl.VARIABLE, URL),
            Map.of(PostgresTestUrl.VARIABLE, URL, "CI", "true"))) {
      Decision decision = PostgresTestUrl.decide(environment, UNREACHABLE);

      assertThat(decision).as("%s", environment.keySet()).isInstanceOf(Decision.Fail.class);
      assertThat(((Decision.Fail) decision).reason())
          .contains("cannot be reached: Connection to 127.0.0.1:5432 refused")
          .contains("password=***")
          .doesNotContain("secret");
    }
  }

  @Test
  void givenAReachableUrl_decide_runsOnIt() {
    Decision decision =
        PostgresTestUrl.decide(Map.of(PostgresTestUrl.VARIABLE, URL, "CI", "true"), REACHABLE);

    assertThat(decision).isEqualTo(new Decision.Run(URL));
  }
}
