package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeUniquenessPolicyTest {

  private final CodeUniquenessPolicy policy = new CodeUniquenessPolicy();

  private final Bot bot = TestBots.bot(39, "app", "newbot");
  private final Bot other = TestBots.bot(40, "app", "helper");
  private final List<BotSummary> applicationBots = List.of(bot.summary(), other.summary());

  @Test
  void givenTheBotsOwnCode_checkCodeChange_accepts() {
    assertThat(policy.checkCodeChange(applicationBots, bot, BotCode.of("newbot"))).isEmpty();
  }

  @Test
  void givenAFreeCode_checkCodeChange_accepts() {
    assertThat(policy.checkCodeChange(applicationBots, bot, BotCode.of("renamed"))).isEmpty();
  }

  @Test
  void givenAnotherBotsCodeInTheSameApplication_checkCodeChange_rejectsAsCodeInUse() {
    Rejection rejection =
        policy.checkCodeChange(applicationBots, bot, BotCode.of("helper")).orElseThrow();

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.UPDATE_CODE_IN_USE);
    assertThat(rejection.error())
        .isEqualTo(
            new BitrixError("WRONG_REQUEST", "Bot can't be updated: code is already in use"));
  }

  @Test
  void givenTheSameBotWithAnotherProfile_checkCodeChange_recognisesItById() {
    Bot sameBotReloaded = TestBots.bot(39, "app", "newbot", BotProfile.named("Changed"));

    assertThat(policy.checkCodeChange(applicationBots, sameBotReloaded, BotCode.of("newbot")))
        .isEmpty();
  }

  @Test
  void givenCodeDifferingOnlyInCase_checkCodeChange_acceptsBecauseCodesAreExact() {
    assertThat(policy.checkCodeChange(applicationBots, bot, BotCode.of("Helper"))).isEmpty();
  }
}
