package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotentRegistrationPolicyTest {

  private final IdempotentRegistrationPolicy policy = new IdempotentRegistrationPolicy();

  private final List<BotSummary> applicationBots =
      List.of(
          TestBots.bot(39, "app", "newbot").summary(),
          TestBots.bot(40, "app", "helper").summary(),
          TestBots.bot(41, "app", "support").summary());

  @Test
  void givenApplicationHasTheCode_existingRegistration_returnsThatBot() {
    assertThat(policy.existingRegistration(applicationBots, BotCode.of("helper")))
        .contains(TestBots.bot(40, "app", "helper").summary());
  }

  @Test
  void givenApplicationLacksTheCode_existingRegistration_isEmpty() {
    assertThat(policy.existingRegistration(applicationBots, BotCode.of("other"))).isEmpty();
  }

  @Test
  void givenApplicationWithoutBots_existingRegistration_isEmpty() {
    assertThat(policy.existingRegistration(List.of(), BotCode.of("newbot"))).isEmpty();
  }

  @Test
  void givenCodeDifferingOnlyInCase_existingRegistration_isEmptyBecauseCodesAreExact() {
    assertThat(policy.existingRegistration(applicationBots, BotCode.of("NewBot"))).isEmpty();
  }

  @Test
  void givenApplicationAtItsLimit_existingRegistration_stillFindsTheBot() {
    // Step 10 before step 11: the policy looks at codes only, never at the count.
    List<BotSummary> five =
        List.of(
            TestBots.bot(1, "app", "a").summary(),
            TestBots.bot(2, "app", "b").summary(),
            TestBots.bot(3, "app", "c").summary(),
            TestBots.bot(4, "app", "d").summary(),
            TestBots.bot(5, "app", "newbot").summary());

    assertThat(BotLimitPolicy.defaultLimit().checkRoomForOneMore(five)).isPresent();
    assertThat(policy.existingRegistration(five, BotCode.of("newbot")))
        .map(BotSummary::id)
        .contains(BotId.of(5));
  }
}
