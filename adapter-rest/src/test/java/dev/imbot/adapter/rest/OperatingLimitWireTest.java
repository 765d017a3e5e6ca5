package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.common.ManualClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operating limit over the wire: {@code operating} grows with each call of a method for its
 * caller and drops as its baskets expire; over the budget (here 0.1 s), that method's next call for
 * that caller answers {@code 429 OPERATION_TIME_LIMIT}, while other methods and callers go on.
 */
@MicronautTest
@Property(name = "imbot.test.sleep-method", value = "true")
@Property(name = "imbot.test.manual-clock", value = "true")
@Property(name = "imbot.operating-limit.enabled", value = "true")
@Property(name = "imbot.operating-limit.budget", value = "0.1")
class OperatingLimitWireTest extends WireTest {
  private static final String BLOCKED = "Method is blocked due to operation time limit.";

  @Inject ManualClock clock;

  private Wire.Response sleep(String prefix, String method, int millis) {
    return wire.get(prefix + method + "?MS=" + millis);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> time(Wire.Response response) {
    assertSuccess(response);
    return (Map<String, Object>) response.object().get("time");
  }

  private static BigDecimal operating(Wire.Response response) {
    return ((Json.JsonNumber) time(response).get("operating")).decimal();
  }

  private static long resetAt(Wire.Response response) {
    return ((Json.JsonNumber) time(response).get("operating_reset_at")).longValue();
  }

  @Test
  void givenCalls_operating_growsByEachCallAndResetsWhenTheBasketsExpire() {
    String prefix = webhook();
    long firstCall = clock.instant().getEpochSecond();

    Wire.Response first = sleep(prefix, SleepMethod.NAME, 20);
    clock.advance(Duration.ofMinutes(2));
    Wire.Response second = sleep(prefix, SleepMethod.NAME, 20);

    assertThat(operating(first)).isGreaterThanOrEqualTo(new BigDecimal("0.020"));
    assertThat(operating(second))
        .isGreaterThanOrEqualTo(operating(first).add(new BigDecimal("0.020")));
    // The oldest basket's window started with the first call and lasts ten minutes.
    assertThat(resetAt(first)).isEqualTo(firstCall + 600);
    assertThat(resetAt(second)).isEqualTo(firstCall + 600);

    clock.advance(Duration.ofMinutes(9));
    Wire.Response afterFirstExpired = sleep(prefix, SleepMethod.NAME, 0);
    assertThat(operating(afterFirstExpired))
        .isLessThan(operating(second))
        .isGreaterThanOrEqualTo(new BigDecimal("0.020"));
    assertThat(resetAt(afterFirstExpired)).isEqualTo(firstCall + 120 + 600);

    clock.advance(Duration.ofMinutes(11));
    Wire.Response fresh = sleep(prefix, SleepMethod.NAME, 0);
    assertThat(operating(fresh)).isLessThan(new BigDecimal("0.020"));
  }

  @Test
  void givenBudgetSpent_nextCall_answers429ForThatMethodAndCallerOnly() {
    String prefix = webhook();
    String otherCaller = "/rest/";
    String token = applicationToken(unique("op"));

    // The call that crosses the budget completes; the next one is refused.
    assertSuccess(sleep(prefix, SleepMethod.NAME, 60));
    assertSuccess(sleep(prefix, SleepMethod.NAME, 60));
    assertError(sleep(prefix, SleepMethod.NAME, 0), 429, "OPERATION_TIME_LIMIT", BLOCKED);

    assertSuccess(sleep(prefix, SleepMethod.Nap.NAME, 0));
    assertSuccess(wire.get(otherCaller + SleepMethod.NAME + "?MS=0&auth=" + token));

    // Inside a batch, the command of the blocked method fails on its own; the others run.
    Wire.Response batch =
        wire.postForm(
            prefix + "batch",
            PhpQuery.build(
                params(
                    "cmd",
                    params(
                        "blocked",
                        SleepMethod.NAME + "?MS=0",
                        "free",
                        SleepMethod.Nap.NAME + "?MS=0"))));
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) assertSuccess(batch);
    assertThat(result.get("result").toString()).contains("free").doesNotContain("blocked");
    assertThat(result.get("result_error").toString()).contains("blocked", "OPERATION_TIME_LIMIT");

    clock.advance(Duration.ofMinutes(10));
    assertSuccess(sleep(prefix, SleepMethod.NAME, 0));
  }
}
