package dev.imbot.domain.rejection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerRejection;
import dev.imbot.domain.event.HandlerRejectionReason;
import dev.imbot.domain.portal.AccessRejection;
import dev.imbot.domain.portal.AccessRejectionReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RejectionTest {

  @ParameterizedTest
  @EnumSource(HandlerRejectionReason.class)
  void givenHandlerReasonWithoutEvent_constructor_refuses(HandlerRejectionReason reason) {
    assertThatNullPointerException().isThrownBy(() -> HandlerRejection.of(reason, null));
    assertThat(HandlerRejection.of(reason, BotEvent.BOT_DELETE).event())
        .isEqualTo(BotEvent.BOT_DELETE);
  }

  @Test
  void givenNoReason_constructors_refuse() {
    assertThatNullPointerException().isThrownBy(() -> new BotRejection(null, null));
    assertThatNullPointerException().isThrownBy(() -> new AccessRejection(null));
    assertThatNullPointerException()
        .isThrownBy(() -> new HandlerRejection(null, BotEvent.MESSAGE_ADD));
  }

  @Test
  void givenFieldOrRuleMissing_invalidField_refuses() {
    assertThatNullPointerException().isThrownBy(() -> InvalidField.of(null, "x"));
    assertThatNullPointerException().isThrownBy(() -> InvalidField.of("CODE", null));
  }

  @Test
  void givenLimitMissingOrMisplaced_constructor_refuses() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BotRejection.of(BotRejectionReason.MAX_COUNT_REACHED));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BotRejection(BotRejectionReason.CREATION_FAILED, 5));
  }

  @Test
  void givenInvalidField_nestedUnder_prefixesTheFieldPath() {
    assertThat(InvalidField.of("PROPERTIES[COLOR]", "must be x").nestedUnder("FIELDS"))
        .isEqualTo(InvalidField.of("FIELDS[PROPERTIES][COLOR]", "must be x"));
    assertThat(InvalidField.of("CODE", "must be y").nestedUnder("FIELDS"))
        .isEqualTo(InvalidField.of("FIELDS[CODE]", "must be y"));
  }

  @Test
  void givenRejection_toException_carriesItAndStatesTheBitrixError() {
    Rejection rejection = BotRejection.of(BotRejectionReason.CODE_NOT_SPECIFIED);

    RejectedException exception = rejection.toException();

    assertThat(exception.rejection()).isSameAs(rejection);
    assertThat(exception.reason()).isEqualTo(BotRejectionReason.CODE_NOT_SPECIFIED);
    assertThat(exception).hasMessage("CODE_ERROR: Bot code isn't specified");
  }

  @Test
  void givenEachContext_reasonsAreTheirOwnClosedSets() {
    assertThat(AccessRejection.of(AccessRejectionReason.WRONG_AUTHORIZATION).reason())
        .isInstanceOf(AccessRejectionReason.class);
    assertThat(InvalidField.of("CODE", "x").reason())
        .isEqualTo(RequestRejectionReason.FIELD_INVALID);
  }

  @Test
  void givenPresentRejection_raiseIfPresent_throwsIt() {
    Rejection rejection = BotRejection.maxCountReached(5);

    assertThatThrownBy(() -> Rejection.raiseIfPresent(Optional.of(rejection)))
        .isInstanceOfSatisfying(
            RejectedException.class, e -> assertThat(e.rejection()).isEqualTo(rejection));
  }

  @Test
  void givenNoRejection_raiseIfPresent_returnsQuietly() {
    assertThatCode(() -> Rejection.raiseIfPresent(Optional.empty())).doesNotThrowAnyException();
  }
}
