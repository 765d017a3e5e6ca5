package dev.imbot.domain.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "test@test.ru",
        "first.last@example.com",
        "a+tag@sub.example.co.uk",
        "USER@EXAMPLE.COM",
        "o'brien@example.ie",
        "x_y-z@my-host.example",
        "1@2.io"
      })
  void givenValidAddress_isValidAndConstructor_accept(String address) {
    assertThat(Email.isValid(address)).isTrue();
    assertThat(Email.of(address).value()).isEqualTo(address);
  }

  @ParameterizedTest(name = "''{0}''")
  @EmptySource
  @ValueSource(
      strings = {
        "plain",
        "@example.com",
        "a@",
        "a@b",
        "a@@example.com",
        "a b@example.com",
        "a..b@example.com",
        ".a@example.com",
        "a.@example.com",
        "a@-example.com",
        "a@example-.com",
        "a@example..com",
        "a@exa_mple.com",
        "a@.example.com",
        "a@example.com.",
        " test@test.ru",
        "test@test.ru ",
        "иван@пример.рф",
        "a\"b@example.com"
      })
  void givenInvalidAddress_isValidAndConstructor_refuse(String address) {
    assertThat(Email.isValid(address)).isFalse();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Email(address))
        .withMessageContaining("EMAIL");
  }

  @Test
  void givenNull_constructor_refuses() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Email(null));
  }

  @Test
  void givenLocalPartsOf64And65Characters_isValid_acceptsOnlyThe64() {
    assertThat(Email.isValid("l".repeat(64) + "@example.com")).isTrue();
    assertThat(Email.isValid("l".repeat(65) + "@example.com")).isFalse();
  }

  @Test
  void givenAddressOf255Characters_isValid_accepts() {
    String address = addressOfLength(255);

    assertThat(address).hasSize(255);
    assertThat(Email.isValid(address)).isTrue();
  }

  @Test
  void givenAddressOf256Characters_isValid_refuses() {
    String address = addressOfLength(256);

    assertThat(address).hasSize(256);
    assertThat(Email.isValid(address)).isFalse();
  }

  /** 64-char local part and a domain of labels no longer than 63, to the exact total length. */
  private static String addressOfLength(int length) {
    String local = "l".repeat(64);
    int domainLength = length - local.length() - 1;
    String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(domainLength - 128);
    return local + "@" + domain;
  }

  @Test
  void givenMixedCase_normalized_isLowerCase() {
    assertThat(Email.of("Test@Test.RU").normalized()).isEqualTo("test@test.ru");
  }

  @Test
  void givenAddressesDifferingOnlyInCase_sameAddressAs_isTrue() {
    assertThat(Email.of("Test@Test.RU").sameAddressAs(Email.of("test@test.ru"))).isTrue();
  }

  @Test
  void givenDifferentAddressesOrNull_sameAddressAs_isFalse() {
    Email email = Email.of("test@test.ru");

    assertThat(email.sameAddressAs(Email.of("other@test.ru"))).isFalse();
    assertThat(email.sameAddressAs(null)).isFalse();
  }

  @Test
  void givenAddress_toString_isTheAddressAsGiven() {
    assertThat(Email.of("Test@Test.RU")).hasToString("Test@Test.RU");
  }
}
