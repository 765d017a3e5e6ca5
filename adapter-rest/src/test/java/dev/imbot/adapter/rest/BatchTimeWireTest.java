package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outer {@code batch}'s time block on a clock that moves at every reading: its {@code
 * operating_reset_at} is ten minutes after the {@code finish} it shows, read once for both.
 */
@MicronautTest
@Property(name = "imbot.test.manual-clock", value = "true")
@Property(name = "imbot.test.manual-clock-step", value = "1s")
class BatchTimeWireTest extends WireTest {

  @Test
  @SuppressWarnings("unchecked")
  void givenTheClockMovingBetweenReadings_batch_resetsOperatingTenMinutesAfterItsFinish() {
    Wire.Response response =
        wire.postForm(
            webhook() + "batch",
            PhpQuery.build(params("halt", 0, "cmd", Map.of("list", "imbot.bot.list"))));

    assertSuccess(response);
    Map<String, Object> time = (Map<String, Object>) response.object().get("time");
    long finish = Envelopes.number(time, "finish").longValue();
    assertThat(Envelopes.assertInteger(time.get("operating_reset_at"))).isEqualTo(finish + 600);
  }
}
