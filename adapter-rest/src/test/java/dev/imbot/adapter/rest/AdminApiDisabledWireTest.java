package dev.imbot.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without {@code imbot.admin.token} the admin API is off: every path answers 404. */
@MicronautTest
class AdminApiDisabledWireTest extends WireTest {

  @Test
  void givenNoAdminToken_anyAdminCall_answers404() {
    for (String path :
        List.of("/admin/v1/applications", "/admin/v1/webhooks", "/admin/v1/users", "/admin/v1/x")) {
      for (Wire.Response response :
          List.of(
              wire.get(path),
              wire.send("GET", path, null, "Authorization", "Bearer "),
              wire.send(
                  "POST",
                  path,
                  "{\"client_id\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                  "Content-Type",
                  "application/json",
                  "Authorization",
                  "Bearer anything"))) {
        assertThat(response.status()).as("%s %s", path, response).isEqualTo(404);
        assertThat(response.object()).containsOnlyKeys("error", "error_description");
      }
    }
    assertThat(applications.list()).isEmpty();
  }
}
