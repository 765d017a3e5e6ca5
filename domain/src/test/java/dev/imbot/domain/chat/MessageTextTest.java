package dev.imbot.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTest {

  @Test
  void givenTextOfExactlyTheLimit_fitted_keepsItWhole() {
    String text = "a".repeat(20_000);
    assertThat(MessageText.fitted(text)).isSameAs(text);
  }

  @Test
  void givenTextOneOverTheLimit_fitted_cutsItToTheLimitEndingWithTheMark() {
    String fitted = MessageText.fitted("[b]" + "a".repeat(20_000));
    assertThat(fitted).hasSize(20_000).startsWith("[b]aaa").endsWith("a (...)");
  }

  @Test
  void givenCutFallingInsideASurrogatePair_fitted_dropsTheWholePair() {
    String text = "a".repeat(19_993) + "😀" + "b".repeat(100);
    String fitted = MessageText.fitted(text);
    assertThat(fitted).isEqualTo("a".repeat(19_993) + " (...)");
  }
}
