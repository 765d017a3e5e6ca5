package dev.imbot.adapter.rest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLogTest {

  @Test
  void givenWebhookPath_safePath_hidesTheSecret() {
    assertThat(RequestLog.safePath("/rest/1/s3cr3t/imbot.register"))
        .isEqualTo("/rest/1/***/imbot.register");
    assertThat(RequestLog.safePath("/rest/1/s3cr3t//imbot.register/"))
        .isEqualTo("/rest/1/***/imbot.register");
    assertThat(RequestLog.safePath("/rest/1/s3cr3t")).isEqualTo("/rest/1/***");
  }

  @Test
  void givenTokenOrOtherPath_safePath_keepsIt() {
    assertThat(RequestLog.safePath("/rest/imbot.register.json"))
        .isEqualTo("/rest/imbot.register.json");
    assertThat(RequestLog.safePath("/admin/v1/users")).isEqualTo("/admin/v1/users");
  }
}
