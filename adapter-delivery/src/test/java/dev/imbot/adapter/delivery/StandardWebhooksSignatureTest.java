package dev.imbot.adapter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.delivery.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksSignatureTest {
  static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

  @Test
  void givenTheSpecificationsExample_sign_matchesItsPublishedSignature() {
    // The example the Standard Webhooks reference libraries test against.
    SigningSecret secret = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    assertThat(
            StandardWebhooksSignature.sign(
                secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void givenTwoSecrets_header_carriesBothSignaturesSpaceSeparatedInOrder() {
    SigningSecret a = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    SigningSecret b = SigningSecret.parse("whsec_" + "A".repeat(43) + "=");

    assertThat(StandardWebhooksSignature.header(List.of(a, b), "1", 2, BODY))
        .isEqualTo(
            StandardWebhooksSignature.sign(a, "1", 2, BODY)
                + " "
                + StandardWebhooksSignature.sign(b, "1", 2, BODY));
  }

  @Test
  void givenASignatureWithAnotherKeyBefore_sign_stillMatchesThePublishedSignature() {
    // One HMAC instance per thread, keyed anew each time: nothing of an earlier key stays.
    SigningSecret other = SigningSecret.parse("whsec_" + "A".repeat(43) + "=");
    StandardWebhooksSignature.sign(other, "1", 2, BODY);
    SigningSecret secret = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    assertThat(
            StandardWebhooksSignature.sign(
                secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }
}
