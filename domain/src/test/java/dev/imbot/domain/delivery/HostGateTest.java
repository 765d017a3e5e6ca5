package dev.imbot.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostGateTest {
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void givenHostCap_tryAcquire_refusesTheFifthAttemptToOneHostButNotAnotherHost() {
    HostGate gate = new HostGate(4, 64, 5);
    for (int i = 0; i < 4; i++) {
      assertThat(gate.tryAcquire("slow:80", NOW)).isTrue();
    }

    assertThat(gate.tryAcquire("slow:80", NOW)).isFalse();
    assertThat(gate.tryAcquire("fast:80", NOW)).isTrue();
  }

  @Test
  void givenTotalCap_tryAcquire_refusesBeyondIt() {
    HostGate gate = new HostGate(4, 2, 5);

    assertThat(gate.tryAcquire("a:80", NOW)).isTrue();
    assertThat(gate.tryAcquire("b:80", NOW)).isTrue();
    assertThat(gate.tryAcquire("c:80", NOW)).isFalse();
    assertThat(gate.freeSlots()).isZero();
  }

  @Test
  void givenFiveFailuresInARow_host_isFailingAndGetsOneProbeAfter30sBackingOffTo5Min() {
    HostGate gate = new HostGate(4, 64, 5);
    for (int i = 0; i < 5; i++) {
      gate.tryAcquire("bad:80", NOW);
      end(gate, "bad:80", false, NOW);
    }

    assertThat(gate.failingHosts()).isEqualTo(1);
    assertThat(gate.tryAcquire("bad:80", NOW.plusSeconds(29))).isFalse();
    assertThat(gate.tryAcquire("bad:80", NOW.plusSeconds(30))).isTrue();
    assertThat(gate.tryAcquire("bad:80", NOW.plusSeconds(30))).as("one probe at a time").isFalse();
    end(gate, "bad:80", false, NOW.plusSeconds(30));
    assertThat(gate.nextProbeAt("bad:80")).contains(NOW.plusSeconds(90));

    Instant at = NOW.plusSeconds(90);
    for (int i = 0; i < 6; i++) {
      assertThat(gate.tryAcquire("bad:80", at)).isTrue();
      end(gate, "bad:80", false, at);
      at = gate.nextProbeAt("bad:80").orElseThrow();
    }
    Instant last = at;
    gate.tryAcquire("bad:80", last);
    end(gate, "bad:80", false, last);
    assertThat(Duration.between(last, gate.nextProbeAt("bad:80").orElseThrow()))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void closed_isTrueWhileAllSlotsAreTakenOrAFailingHostWaitsForItsProbe_andAgreesWithClosedHosts() {
    HostGate gate = new HostGate(2, 64, 5);
    assertThat(gate.closed("new:80", NOW)).as("a host never seen").isFalse();
    gate.tryAcquire("busy:80", NOW);
    assertThat(gate.closed("busy:80", NOW)).isFalse();
    gate.tryAcquire("busy:80", NOW);
    assertThat(gate.closed("busy:80", NOW)).as("both slots taken").isTrue();
    for (int i = 0; i < 5; i++) {
      gate.tryAcquire("bad:80", NOW);
      end(gate, "bad:80", false, NOW);
    }
    assertThat(gate.closed("bad:80", NOW.plusSeconds(29))).as("before its probe").isTrue();
    assertThat(gate.closed("bad:80", NOW.plusSeconds(30))).as("its probe is due").isFalse();
    assertThat(gate.closedHosts(NOW.plusSeconds(29)))
        .containsExactlyInAnyOrder("busy:80", "bad:80");
  }

  @Test
  void givenFailingHost_successfulProbe_closesTheCircuit() {
    HostGate gate = new HostGate(4, 64, 5);
    for (int i = 0; i < 5; i++) {
      gate.tryAcquire("bad:80", NOW);
      end(gate, "bad:80", false, NOW);
    }

    gate.tryAcquire("bad:80", NOW.plusSeconds(30));
    end(gate, "bad:80", true, NOW.plusSeconds(31));

    assertThat(gate.failingHosts()).isZero();
    assertThat(gate.tryAcquire("bad:80", NOW.plusSeconds(31))).isTrue();
    assertThat(gate.tryAcquire("bad:80", NOW.plusSeconds(31))).isTrue();
  }

  @Test
  void
      givenExchangeEnded_slots_areFreeWhileItsOutcomeWaitsToBeStored_upToSixteenTimesTheCapInAll() {
    HostGate gate = new HostGate(1, 1, 5);
    // The figure docs/delivery.md states (1,024 at the default cap of 64 in all).
    int perSlot = 16;
    for (int i = 0; i < perSlot; i++) {
      assertThat(gate.tryAcquire("a:80", NOW)).as("attempt %d", i).isTrue();
      assertThat(gate.tryAcquire("b:80", NOW)).as("the slot in all is taken").isFalse();
      gate.exchangeEnded("a:80", true, NOW);
    }

    assertThat(gate.inFlight("a:80")).isZero();
    assertThat(gate.inFlight()).isEqualTo(perSlot);
    assertThat(gate.freeSlots()).isZero();
    assertThat(gate.tryAcquire("a:80", NOW)).as("too many outcomes not stored yet").isFalse();
    gate.attemptStored();
    assertThat(gate.freeSlots()).isEqualTo(1);
    assertThat(gate.tryAcquire("a:80", NOW)).isTrue();
    assertThat(gate.inFlight("a:80")).isEqualTo(1);
    assertThat(gate.freeSlots()).isZero();
  }

  @Test
  void attemptStored_withNoEndedExchangeWaiting_isRefused() {
    HostGate gate = new HostGate(4, 64, 5);
    assertThat(gate.tryAcquire("a:80", NOW)).isTrue();

    assertThatThrownBy(gate::attemptStored).isInstanceOf(IllegalStateException.class);
  }

  /** An attempt ends: its exchange, then its outcome stored. */
  private static void end(HostGate gate, String host, boolean succeeded, Instant at) {
    gate.exchangeEnded(host, succeeded, at);
    gate.attemptStored();
  }
}
