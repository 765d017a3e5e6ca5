package dev.imbot.domain.bot;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.Rejection;
import dev.imbot.domain.rejection.RequestRejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BotCodeTest {

  private static final String EMOJI = "\uD83E\uDD16"; // one code point, two UTF-16 chars

  @Test
  void givenCodeWithSurroundingWhitespace_parse_trimsIt() {
    assertThat(BotCode.parse(" \tnewbot \n", "CODE").value()).isEqualTo("newbot");
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n", "\u2003"})
  void givenMissingOrBlankCode_parse_rejectsAsCodeNotSpecified(String wire) {
    Rejection rejection = rejectionOf(() -> BotCode.parse(wire, "CODE"));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.CODE_NOT_SPECIFIED);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("CODE_ERROR", "Bot code isn't specified"));
  }

  @Test
  void givenFiftyCharacters_parse_accepts() {
    String code = "c".repeat(50);

    assertThat(BotCode.parse(code, "CODE").value()).isEqualTo(code);
  }

  @Test
  void givenFiftyCharactersInsideWhitespace_parse_acceptsTheTrimmedCode() {
    String code = "c".repeat(50);

    assertThat(BotCode.parse("  " + code + "  ", "CODE").value()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CODE", "FIELDS[CODE]"})
  void givenFiftyOneCharacters_parse_rejectsNamingTheFieldGiven(String field) {
    InvalidField rejection = rejectionOf(() -> BotCode.parse("c".repeat(51), field));

    assertThat(rejection.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(rejection.field()).isEqualTo(field);
    assertThat(rejection.rule()).isEqualTo("must be at most 50 characters");
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("WRONG_REQUEST", field + " must be at most 50 characters"));
  }

  @Test
  void givenFiftyEmoji_parse_acceptsBecauseCodePointsAreCounted() {
    String code = EMOJI.repeat(50);

    assertThat(code).hasSize(100);
    assertThat(BotCode.parse(code, "CODE").value()).isEqualTo(code);
  }

  @Test
  void givenFiftyOneEmoji_parse_rejectsAsTooLong() {
    Rejection rejection = rejectionOf(() -> BotCode.parse(EMOJI.repeat(51), "CODE"));

    assertThat(rejection.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", " newbot", "newbot "})
  void givenBlankOrUntrimmedValue_constructor_refuses(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BotCode(value))
        .withMessageContaining("CODE");
  }

  @Test
  void givenNullOrTooLongValue_constructor_refuses() {
    assertThatIllegalArgumentException().isThrownBy(() -> new BotCode(null));
    assertThatIllegalArgumentException().isThrownBy(() -> new BotCode("c".repeat(51)));
  }

  @Test
  void givenCodesDifferingInCase_equals_isFalseBecauseCaseMatters() {
    assertThat(BotCode.of("NewBot")).isNotEqualTo(BotCode.of("newbot"));
    assertThat(BotCode.of("newbot")).isEqualTo(BotCode.of("newbot")).hasToString("newbot");
  }
}
