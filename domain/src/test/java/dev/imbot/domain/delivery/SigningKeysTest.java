package dev.imbot.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void givenGeneratedSecret_text_isWhsecAndBase64Of32BytesAndReadsBack() {
    SigningSecret secret = SigningSecret.generate(new Random(1));

    assertThat(secret.text()).startsWith("whsec_").hasSize(6 + 44);
    assertThat(secret.key()).hasSize(32);
    assertThat(SigningSecret.parse(secret.text())).isEqualTo(secret);
    assertThat(secret.toString()).doesNotContain(secret.text().substring(6));
  }

  @Test
  void givenNotAWhsecSecret_parse_isRefused() {
    assertThatThrownBy(() -> SigningSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SigningSecret.parse("whsec_???"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenRotation_signingAt_usesBothSecretsFor24HoursThenOnlyTheNewOne() {
    SigningSecret old = SigningSecret.generate(new Random(1));
    SigningSecret next = SigningSecret.generate(new Random(2));
    SigningKeys keys = SigningKeys.of(old).rotateTo(next, NOW);

    assertThat(keys.signingAt(NOW.plus(Duration.ofHours(23)))).containsExactly(next, old);
    assertThat(keys.signingAt(NOW.plus(Duration.ofHours(24)))).containsExactly(next);
  }
}
