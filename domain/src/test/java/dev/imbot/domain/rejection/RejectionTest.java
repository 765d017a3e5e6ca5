package dev.imbot.domain.rejection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.event.BotEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RejectionTest {

  @ParameterizedTest
  @EnumSource(
      value = RejectionReason.class,
      names = {"HANDLER_NOT_SPECIFIED", "HANDLER_URL_INVALID", "HANDLER_PROTOCOL_UNSUPPORTED"})
  void givenHandlerReasonWithoutEvent_constructor_refuses(RejectionReason reason) {
    assertThatIllegalArgumentException().isThrownBy(() -> Rejection.of(reason));
    assertThat(Rejection.handler(reason, BotEvent.BOT_DELETE).event())
        .isEqualTo(BotEvent.BOT_DELETE);
  }

  @Test
  void givenEventForAnotherReason_constructor_refuses() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> Rejection.handler(RejectionReason.CODE_NOT_SPECIFIED, BotEvent.MESSAGE_ADD));
  }

  @Test
  void givenNoReason_constructor_refuses() {
    assertThatNullPointerException().isThrownBy(() -> new Rejection(null, null, null, null, null));
  }

  @Test
  void givenFieldInvalidWithoutFieldOrRule_constructor_refuses() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rejection.of(RejectionReason.FIELD_INVALID));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Rejection(RejectionReason.FIELD_INVALID, null, "CODE", null, null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Rejection(RejectionReason.CREATION_FAILED, null, "CODE", "x", null));
  }

  @Test
  void givenLimitMissingOrMisplaced_constructor_refuses() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rejection.of(RejectionReason.MAX_COUNT_REACHED));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Rejection(RejectionReason.CREATION_FAILED, null, null, null, 5));
  }

  @Test
  void givenRejection_raise_carriesItAndStatesTheBitrixError() {
    Rejection rejection = Rejection.of(RejectionReason.CODE_NOT_SPECIFIED);

    RejectedException exception = rejection.raise();

    assertThat(exception.rejection()).isSameAs(rejection);
    assertThat(exception.reason()).isEqualTo(RejectionReason.CODE_NOT_SPECIFIED);
    assertThat(exception).hasMessage("CODE_ERROR: Bot code isn't specified");
  }

  @Test
  void givenPresentRejection_raiseIfPresent_throwsIt() {
    Rejection rejection = Rejection.maxCountReached(5);

    assertThatThrownBy(() -> Rejection.raiseIfPresent(Optional.of(rejection)))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.rejection()).isEqualTo(rejection));
  }

  @Test
  void givenNoRejection_raiseIfPresent_returnsQuietly() {
    assertThatCode(() -> Rejection.raiseIfPresent(Optional.empty())).doesNotThrowAnyException();
  }
}
