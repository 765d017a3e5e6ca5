package dev.imbot.domain.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GenderTest {

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({"M, MALE", "m, MALE", "' m ', MALE", "F, FEMALE", "f, FEMALE"})
  void givenMOrFInAnyCase_fromWire_readsGender(String wire, Gender expected) {
    assertThat(Gender.fromWire(wire)).contains(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "X", "male", "female", "MF", "Ж"})
  void givenAnythingElse_fromWire_isEmpty(String wire) {
    assertThat(Gender.fromWire(wire)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"MALE, M", "FEMALE, F"})
  void givenGender_letter_isItsWireLetter(Gender gender, String letter) {
    assertThat(gender.letter()).isEqualTo(letter);
  }
}
