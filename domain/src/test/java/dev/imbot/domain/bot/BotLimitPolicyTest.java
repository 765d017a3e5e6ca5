package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.imbot.domain.rejection.BitrixError;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotLimitPolicyTest {

  private static List<BotSummary> bots(int count) {
    return LongStream.rangeClosed(1, count)
        .mapToObj(id -> TestBots.bot(id, "app", "bot" + id).summary())
        .toList();
  }

  @Test
  void givenTheDefault_defaultLimit_isTheSeedsFive() {
    assertThat(BotLimitPolicy.defaultLimit().maxBotsPerApplication()).isEqualTo(5);
    assertThat(BotLimitPolicy.DEFAULT_MAX_BOTS_PER_APPLICATION).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0} bots")
  @ValueSource(ints = {0, 1, 4})
  void givenFewerBotsThanTheLimit_checkRoomForOneMore_findsRoom(int count) {
    assertThat(BotLimitPolicy.defaultLimit().checkRoomForOneMore(bots(count))).isEmpty();
  }

  @ParameterizedTest(name = "{0} bots")
  @ValueSource(ints = {5, 6})
  void givenBotsAtOrOverTheLimit_checkRoomForOneMore_rejectsWithTheLimit(int count) {
    BotRejection rejection =
        BotLimitPolicy.defaultLimit().checkRoomForOneMore(bots(count)).orElseThrow();

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.MAX_COUNT_REACHED);
    assertThat(rejection.limit()).isEqualTo(5);
    assertThat(rejection.error())
        .isEqualTo(
            new BitrixError(
                "MAX_COUNT_ERROR",
                "Has reached the maximum number of bots for application (max: 5)"));
  }

  @Test
  void givenConfiguredLimitOf3_checkRoomForOneMore_findsRoomForTheThird() {
    assertThat(new BotLimitPolicy(3).checkRoomForOneMore(bots(2))).isEmpty();
  }

  @Test
  void givenConfiguredLimitOf3_checkRoomForOneMore_statesThatLimit() {
    BotRejection rejection = new BotLimitPolicy(3).checkRoomForOneMore(bots(3)).orElseThrow();

    assertThat(rejection.limit()).isEqualTo(3);
    assertThat(rejection.error().description())
        .isEqualTo("Has reached the maximum number of bots for application (max: 3)");
  }

  @Test
  void givenLimitOf1_checkRoomForOneMore_allowsExactlyOne() {
    BotLimitPolicy policy = new BotLimitPolicy(1);

    assertThat(policy.checkRoomForOneMore(bots(0))).isEmpty();
    assertThat(policy.checkRoomForOneMore(bots(1))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void givenLimitBelowOne_constructor_refuses(int limit) {
    assertThatIllegalArgumentException().isThrownBy(() -> new BotLimitPolicy(limit));
  }
}
