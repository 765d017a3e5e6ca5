package dev.imbot.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The warm-up names event classes that exist: a library upgrade that renames one fails here. */
class FlightRecorderWarmUpTest {
  @Test
  void everyWarmedClass_isAFlightRecorderEventOfTheLibrariesOnTheClassPath() throws Exception {
    for (String name : FlightRecorderWarmUp.EVENT_CLASSES) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      assertThat(jdk.jfr.Event.class).as(name).isAssignableFrom(type);
    }
  }

  @Test
  void theWarmUp_registersEveryEventWithTheRecorderAndEndsWithoutHoldingTheJvmUp()
      throws Exception {
    Thread thread = FlightRecorderWarmUp.start();

    assertThat(thread.isDaemon()).isTrue();
    thread.join(Duration.ofSeconds(30).toMillis());
    assertThat(thread.isAlive()).isFalse();
    // Registered means initialised: the recorder learns of an event class in its initialiser.
    var registered =
        jdk.jfr.FlightRecorder.getFlightRecorder().getEventTypes().stream()
            .map(jdk.jfr.EventType::getName)
            .toList();
    for (String name : FlightRecorderWarmUp.EVENT_CLASSES) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      jdk.jfr.Name named = type.getAnnotation(jdk.jfr.Name.class);
      assertThat(registered).as(name).contains(named == null ? name : named.value());
    }
  }
}
