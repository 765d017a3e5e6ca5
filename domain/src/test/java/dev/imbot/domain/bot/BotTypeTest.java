package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BotTypeTest {

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({
    "B, BOT",
    "b, BOT",
    "O, OPEN_LINES",
    "o, OPEN_LINES",
    "H, HUMAN",
    "h, HUMAN",
    "S, SUPERVISOR",
    "s, SUPERVISOR",
    "' S ', SUPERVISOR"
  })
  void givenKnownLetterInAnyCase_fromWire_readsItsType(String wire, BotType expected) {
    assertThat(BotType.fromWire(wire)).isEqualTo(expected);
    assertThat(BotType.isKnown(wire)).isTrue();
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "Z", "X", "BO", "bot", "OPEN_LINES", "1", "Б"})
  void givenUnknownBlankOrMissingType_fromWire_readsBot(String wire) {
    assertThat(BotType.fromWire(wire)).isEqualTo(BotType.BOT);
    assertThat(BotType.isKnown(wire)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(BotType.class)
  void givenEachType_fromWireOfItsLetter_roundTrips(BotType type) {
    assertThat(BotType.fromWire(type.letter())).isEqualTo(type);
  }

  @ParameterizedTest
  @CsvSource({"BOT, B", "OPEN_LINES, O", "HUMAN, H", "SUPERVISOR, S"})
  void givenType_letter_isTheSpecsWireLetter(BotType type, String letter) {
    assertThat(type.letter()).isEqualTo(letter);
  }
}
