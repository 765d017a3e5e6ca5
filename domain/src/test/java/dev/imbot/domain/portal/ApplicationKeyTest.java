package dev.imbot.domain.portal;

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

class ApplicationKeyTest {

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void givenMissingOrBlankClientId_fromClientId_rejectsAsAccessDenied(String clientId) {
    Rejection rejection = rejectionOf(() -> ApplicationKey.fromClientId(clientId));

    assertThat(rejection.reason()).isEqualTo(AccessRejectionReason.CLIENT_ID_NOT_SPECIFIED);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("ACCESS_DENIED", "Access denied! Client ID not specified"));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"abc", " abc ", "abc\n"})
  void givenClientId_fromClientId_prefixesCustom(String clientId) {
    assertThat(ApplicationKey.fromClientId(clientId)).isEqualTo(ApplicationKey.of("customabc"));
  }

  @Test
  void givenClientIdFillingTheKey_fromClientId_accepts() {
    ApplicationKey key = ApplicationKey.fromClientId("x".repeat(122));

    assertThat(key.value()).hasSize(ApplicationKey.MAX_LENGTH).startsWith("customx");
  }

  @Test
  void givenClientIdTooLongForTheKey_fromClientId_rejectsNamingClientId() {
    InvalidField rejection = rejectionOf(() -> ApplicationKey.fromClientId("x".repeat(123)));

    assertThat(rejection.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(rejection.field()).isEqualTo("CLIENT_ID");
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("WRONG_REQUEST", "CLIENT_ID must be at most 122 characters"));
  }

  @Test
  void givenKeyOf128Characters_constructor_accepts() {
    assertThat(ApplicationKey.of("k".repeat(128))).hasToString("k".repeat(128));
  }

  @Test
  void givenBlankOrTooLongValue_constructor_refuses() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationKey(null));
    assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationKey(" "));
    assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationKey("k".repeat(129)));
  }

  @org.junit.jupiter.api.Test
  void givenWebhookKeyedOrLocalKey_webhookClientId_isTheClientIdOrEmpty() {
    assertThat(ApplicationKey.fromClientId("42").webhookClientId()).contains("42");
    assertThat(ApplicationKey.of("local.6751a3f0c2d1e8.41529837").webhookClientId()).isEmpty();
    assertThat(ApplicationKey.of("custom").webhookClientId()).isEmpty();
  }
}
