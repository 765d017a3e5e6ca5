package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.imbot.domain.portal.UserId;
import org.junit.jupiter.api.Test;

class BotIdUserIdTest {

  @Test
  void givenBotId_userId_isTheSameNumberAsAPortalUser() {
    assertThat(BotId.of(39).userId()).isEqualTo(UserId.of(39));
    assertThat(BotId.of(UserId.of(39))).isEqualTo(BotId.of(39));
  }

  @Test
  void givenZeroOrNegative_userId_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> UserId.of(0));
    assertThatIllegalArgumentException().isThrownBy(() -> UserId.of(-1));
  }
}
