package dev.imbot.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandlerHostTest {

  @Test
  void givenHandlerUrls_of_givesTheLowerCaseHostAndThePortOrTheSchemesDefault() {
    assertThat(HandlerHost.of("https://Bots.Example.com/handler"))
        .isEqualTo("bots.example.com:443");
    assertThat(HandlerHost.of("http://bots.example.com/h?x=1")).isEqualTo("bots.example.com:80");
    assertThat(HandlerHost.of("http://127.0.0.1:8080/h")).isEqualTo("127.0.0.1:8080");
    assertThat(HandlerHost.of("http://[::1]:9000/h")).isEqualTo("[::1]:9000");
  }

  @Test
  void givenMoreUrlsThanItKeeps_of_answersEachAsBefore() {
    for (int i = 0; i < 3_000; i++) {
      assertThat(HandlerHost.of("http://h" + i + ".example:" + (1000 + i) + "/"))
          .isEqualTo("h" + i + ".example:" + (1000 + i));
    }
    assertThat(HandlerHost.of("https://Bots.Example.com/handler"))
        .isEqualTo("bots.example.com:443");
  }

  @Test
  void givenANonUrl_of_throwsEveryTime() {
    assertThatThrownBy(() -> HandlerHost.of("not a url"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HandlerHost.of("not a url"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
