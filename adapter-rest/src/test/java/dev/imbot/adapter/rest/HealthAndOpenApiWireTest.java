package dev.imbot.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /health} and the OpenAPI description served at {@code /openapi.yml}. */
@MicronautTest
class HealthAndOpenApiWireTest extends WireTest {
  @Inject BitrixDispatcher dispatcher;

  @Test
  void givenARunningService_health_answersUp() {
    Wire.Response response = wire.get("/health");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.object()).isEqualTo(Map.of("status", "UP"));
  }

  @Test
  void givenTheService_openApi_servesTheDescriptionNamingEveryMethod() {
    Wire.Response response = wire.get("/openapi.yml");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/yaml");
    String yaml = response.text();
    assertThat(yaml).startsWith("openapi: 3.");
    assertThat(dispatcher.methodNames())
        .contains("imbot.register", "imbot.unregister", "imbot.update", "imbot.bot.list", "batch");
    assertThat(methodEnum(yaml)).containsExactlyInAnyOrderElementsOf(dispatcher.methodNames());
    for (String code :
        List.of(
            "CODE_ERROR",
            "NAME_ERROR",
            "WRONG_REQUEST",
            "MAX_COUNT_ERROR",
            "BOT_ID_ERROR",
            "APP_ID_ERROR",
            "INVALID_REQUEST",
            "ERROR_BATCH_LENGTH_EXCEEDED",
            "NO_AUTH_FOUND",
            "expired_token",
            "ACCESS_DENIED",
            "ERROR_METHOD_NOT_FOUND",
            "ERROR_BATCH_METHOD_NOT_ALLOWED",
            "INTERNAL_SERVER_ERROR")) {
      assertThat(yaml).as("names error %s", code).contains("- " + code);
    }
    assertThat(yaml)
        .contains("/rest/{method}")
        .contains("/rest/{userId}/{secret}/{method}")
        .contains("/admin/v1/applications")
        .contains("/admin/v1/webhooks")
        .contains("/admin/v1/users")
        .contains("/health");
  }

  /** The values of the {@code method} path parameter's enum. */
  private static List<String> methodEnum(String yaml) {
    String block = yaml.substring(yaml.indexOf("\n    Method:\n"), yaml.indexOf("\n    UserId:\n"));
    String values = block.substring(block.indexOf("enum:") + "enum:".length());
    return values
        .lines()
        .map(String::strip)
        .filter(line -> line.startsWith("- "))
        .map(line -> line.substring(2))
        .toList();
  }
}
