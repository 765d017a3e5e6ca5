package dev.imbot.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotType;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BotEventTest {

  @Test
  void givenTheEvents_inCheckOrder_followsRegisterRows2To6() {
    assertThat(BotEvent.inCheckOrder())
        .containsExactly(
            BotEvent.MESSAGE_ADD,
            BotEvent.MESSAGE_UPDATE,
            BotEvent.MESSAGE_DELETE,
            BotEvent.WELCOME_MESSAGE,
            BotEvent.BOT_DELETE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "MESSAGE_ADD, EVENT_MESSAGE_ADD, ONIMBOTMESSAGEADD, Message add, true",
    "MESSAGE_UPDATE, EVENT_MESSAGE_UPDATE, ONIMBOTMESSAGEUPDATE, Message update, false",
    "MESSAGE_DELETE, EVENT_MESSAGE_DELETE, ONIMBOTMESSAGEDELETE, Message delete, false",
    "WELCOME_MESSAGE, EVENT_WELCOME_MESSAGE, ONIMBOTJOINCHAT, Welcome message, true",
    "BOT_DELETE, EVENT_BOT_DELETE, ONIMBOTDELETE, Bot delete, true"
  })
  void givenEvent_wireNames_areTheSpecs(
      BotEvent event, String parameter, String eventName, String title, boolean required) {
    assertThat(event.parameterName()).isEqualTo(parameter);
    assertThat(event.eventName()).isEqualTo(eventName);
    assertThat(event.title()).isEqualTo(title);
    assertThat(event.requiredAtRegistration()).isEqualTo(required);
  }

  @ParameterizedTest
  @EnumSource(BotEvent.class)
  void givenParameterNameInAnyCase_fromParameterName_findsTheEvent(BotEvent event) {
    assertThat(BotEvent.fromParameterName(event.parameterName())).contains(event);
    assertThat(BotEvent.fromParameterName(event.parameterName().toLowerCase(Locale.ROOT)))
        .contains(event);
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"EVENT_HANDLER", "MESSAGE_ADD", "ONIMBOTMESSAGEADD", "EVENT_FOO"})
  void givenAnythingElse_fromParameterName_isEmpty(String parameter) {
    assertThat(BotEvent.fromParameterName(parameter)).isEmpty();
  }

  @ParameterizedTest(name = "{0}, openLines {1} -> {2}")
  @CsvSource({
    "BOT, false, false",
    "HUMAN, false, false",
    "BOT, true, true",
    "HUMAN, true, true",
    "SUPERVISOR, false, true",
    "OPEN_LINES, true, true"
  })
  void givenTypeAndOpenLines_boundAtRegistrationFor_keepsUpdateAndDeleteOnlyForSOrOpenLines(
      BotType type, boolean openLines, boolean bound) {
    assertThat(BotEvent.MESSAGE_UPDATE.boundAtRegistration(type.hearsMessageEdits(openLines)))
        .isEqualTo(bound);
    assertThat(BotEvent.MESSAGE_DELETE.boundAtRegistration(type.hearsMessageEdits(openLines)))
        .isEqualTo(bound);
    assertThat(BotEvent.MESSAGE_ADD.boundAtRegistration(type.hearsMessageEdits(openLines)))
        .isTrue();
    assertThat(BotEvent.WELCOME_MESSAGE.boundAtRegistration(type.hearsMessageEdits(openLines)))
        .isTrue();
    assertThat(BotEvent.BOT_DELETE.boundAtRegistration(type.hearsMessageEdits(openLines))).isTrue();
  }
}
