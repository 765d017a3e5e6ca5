package dev.imbot.domain.bot;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BotIdTest {

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({"39, 39", "' 39 ', 39", "1, 1", "039, 39", "999999999999999999, 999999999999999999"})
  void givenPositiveInteger_parse_readsIt(String wire, long expected) {
    assertThat(BotId.parse(wire)).isEqualTo(BotId.of(expected));
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "abc",
        "0",
        "000",
        "-1",
        "+39",
        "1.5",
        "39abc",
        "3 9",
        "1e3",
        "0x27",
        "123456789012345678901234567890",
        "٣٩", // Arabic-Indic digits: Character.isDigit would take them
        "３９" // full-width digits
      })
  void givenMissingOrNotAPositiveInteger_parse_rejectsAsBotNotFound(String wire) {
    Rejection rejection = rejectionOf(() -> BotId.parse(wire));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.BOT_NOT_FOUND);
    assertThat(rejection.error()).isEqualTo(new BitrixError("BOT_ID_ERROR", "Bot not found"));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void givenNonPositiveValue_constructor_refuses(long value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BotId(value))
        .withMessageContaining("BOT_ID");
  }

  @Test
  void givenIds_compareTo_ordersByValue() {
    assertThat(BotId.of(2)).isLessThan(BotId.of(10)).isGreaterThan(BotId.of(1));
    assertThat(BotId.of(39).compareTo(BotId.of(39))).isZero();
  }

  @Test
  void givenId_toString_isTheNumber() {
    assertThat(BotId.of(39)).hasToString("39");
  }
}
