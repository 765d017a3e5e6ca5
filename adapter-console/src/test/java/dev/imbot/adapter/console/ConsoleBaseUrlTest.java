package dev.imbot.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The base URL the console puts in the secrets it shows (a new webhook's URL). */
class ConsoleBaseUrlTest {

  @Test
  void givenConfiguredPublicUrl_baseUrl_isThatUrlWhateverTheBrowserUsed() {
    assertThat(ConsoleSteps.baseUrl("https://bots.example.com/", false, "10.0.0.5:8080"))
        .isEqualTo("https://bots.example.com");
  }

  @Test
  void givenNoPublicUrl_baseUrl_isTheAddressTheBrowserUsed() {
    assertThat(ConsoleSteps.baseUrl("", true, "10.0.0.5:8443")).isEqualTo("https://10.0.0.5:8443");
    assertThat(ConsoleSteps.baseUrl(null, false, null)).isEqualTo("http://127.0.0.1");
  }
}
