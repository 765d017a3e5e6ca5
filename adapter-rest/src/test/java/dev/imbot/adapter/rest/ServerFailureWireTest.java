package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertErrorCode;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.bot.ListBotsUseCase;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport table's 5xx rows over the wire: a bug answers {@code 500 INTERNAL_SERVER_ERROR}
 * with a correlation id and nothing of the failure; an unreachable database {@code 503} with the
 * text SDKs retry on. Inside a batch, the command's error instead, the batch itself {@code 200}.
 */
@MicronautTest
class ServerFailureWireTest extends WireTest {
  private static final AtomicReference<RuntimeException> FAILURE = new AtomicReference<>();

  @MockBean(ListBotsUseCase.class)
  ListBotsUseCase failingList() {
    return query -> {
      RuntimeException failure = FAILURE.get();
      if (failure != null) {
        throw failure;
      }
      return List.of();
    };
  }

  @AfterEach
  void heal() {
    FAILURE.set(null);
  }

  @Test
  void givenABug_call_answers500WithACorrelationIdAndNoDetail() {
    FAILURE.set(new IllegalStateException("secret internals: jdbc:postgresql://db/imbot"));

    String description =
        assertErrorCode(wire.get(webhook() + "imbot.bot.list"), 500, "INTERNAL_SERVER_ERROR");

    assertThat(description)
        .matches("Internal server error \\(correlation id [0-9a-f-]{36}\\)")
        .doesNotContain("secret")
        .doesNotContain("IllegalStateException");
  }

  @Test
  void givenAnUnreachableDatabase_call_answers503TryAgain() {
    FAILURE.set(
        new IllegalStateException(
            "wrapped", new SQLTransientConnectionException("connection refused", "08001")));

    assertError(
        wire.get(webhook() + "imbot.bot.list"),
        503,
        "INTERNAL_SERVER_ERROR",
        "Service temporarily unavailable, try again");
  }

  @Test
  @SuppressWarnings("unchecked")
  void givenAFailingCommand_batch_answers200WithTheCommandsError() {
    FAILURE.set(new IllegalStateException("boom"));

    Map<String, Object> result =
        (Map<String, Object>)
            Envelopes.assertSuccess(
                wire.postForm(
                    webhook() + "batch",
                    PhpQuery.build(params("cmd", params("list", "imbot.bot.list")))));

    Map<String, Object> error =
        (Map<String, Object>) ((Map<String, Object>) result.get("result_error")).get("list");
    assertThat(error.get("error")).isEqualTo("INTERNAL_SERVER_ERROR");
    assertThat((String) error.get("error_description")).doesNotContain("boom");
  }
}
