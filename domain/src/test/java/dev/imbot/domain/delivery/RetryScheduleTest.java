package dev.imbot.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  static final RetrySchedule SCHEDULE = RetrySchedule.DEFAULT;

  @Test
  void givenDefaultSchedule_delays_areSvixsWithoutJitterAtTheMiddle() {
    List<Duration> delays =
        java.util.stream.IntStream.rangeClosed(1, 7)
            .mapToObj(n -> SCHEDULE.delayAfter(n, null, () -> 0.5))
            .toList();

    assertThat(delays)
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
    assertThat(SCHEDULE.delayAfter(8, null, () -> 0.5)).isNull();
  }

  @Test
  void givenJitter_delay_staysWithinPlusMinus20Percent() {
    assertThat(SCHEDULE.delayAfter(2, null, () -> 0.0)).isEqualTo(Duration.ofMinutes(4));
    assertThat(SCHEDULE.delayAfter(2, null, () -> 0.999999))
        .isBetween(Duration.ofSeconds(359), Duration.ofMinutes(6));
  }

  @Test
  void givenRetryAfter_delay_isLaterNeverEarlierAndCappedAtTheLongestStep() {
    assertThat(SCHEDULE.delayAfter(1, Duration.ofMinutes(1), () -> 0.5))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(SCHEDULE.delayAfter(2, Duration.ofSeconds(1), () -> 0.5))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(SCHEDULE.delayAfter(1, Duration.ofDays(3), () -> 0.5))
        .isEqualTo(Duration.ofHours(10));
  }

  @Test
  void givenText_parse_readsUnitsAndIso() {
    assertThat(RetrySchedule.parse("0s, 5s, 5m, 2h, 1d, PT90S", 0.1).steps())
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofHours(2),
            Duration.ofDays(1),
            Duration.ofSeconds(90));
    assertThatThrownBy(() -> RetrySchedule.parse("5x", 0.2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetrySchedule.parse("", 0.2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void given2xx_judge_delivers() {
    DeliveryPolicy policy = new DeliveryPolicy(SCHEDULE, () -> 0.5);

    assertThat(policy.judge(answered(204, null), 3, NOW)).isEqualTo(new Verdict.Delivered());
  }

  @Test
  void given500_judge_retriesOnTheSchedule() {
    DeliveryPolicy policy = new DeliveryPolicy(SCHEDULE, () -> 0.5);

    assertThat(policy.judge(answered(500, null), 1, NOW))
        .isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(5)));
  }

  @Test
  void given429WithRetryAfter_judge_retriesLater() {
    DeliveryPolicy policy = new DeliveryPolicy(SCHEDULE, () -> 0.5);

    assertThat(policy.judge(answered(429, Duration.ofSeconds(60)), 1, NOW))
        .isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(60)));
    // Retry-After counts only on 429 and 503.
    assertThat(policy.judge(answered(500, Duration.ofSeconds(60)), 1, NOW))
        .isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(5)));
  }

  @Test
  void given410_judge_endsTheSeriesAtOnce() {
    DeliveryPolicy policy = new DeliveryPolicy(SCHEDULE, () -> 0.5);

    assertThat(policy.judge(answered(410, null), 1, NOW)).isInstanceOf(Verdict.Dead.class);
  }

  @Test
  void givenBlocked_judge_isDeadAtOnceWithTheCause() {
    DeliveryPolicy policy = new DeliveryPolicy(SCHEDULE, () -> 0.5);

    assertThat(
            policy.judge(
                new AttemptResult.Blocked("blocked: 10.0.0.5 is a private address", Duration.ZERO),
                1,
                NOW))
        .isEqualTo(new Verdict.Dead("blocked: 10.0.0.5 is a private address"));
  }

  @Test
  void givenLastAttemptFailed_judge_isDead() {
    DeliveryPolicy policy = new DeliveryPolicy(SCHEDULE, () -> 0.5);

    assertThat(policy.judge(new AttemptResult.Failed("connection refused", Duration.ZERO), 8, NOW))
        .isEqualTo(new Verdict.Dead("gave up after 8 attempts: connection refused"));
  }

  static AttemptResult answered(int status, Duration retryAfter) {
    return new AttemptResult.Answered(
        status, "", Optional.ofNullable(retryAfter), Duration.ofMillis(3));
  }
}
