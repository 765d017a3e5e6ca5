package dev.imbot.adapter.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Writes the error answers the HTTP server makes itself (a request line over the limit, no route,
 * an HTTP method other than GET or POST, an uncaught failure) in Bitrix's shape, {@code {"error",
 * "error_description"}} as JSON in UTF-8, through {@link BitrixErrors#ofHttpStatus}: Micronaut's
 * own error body would otherwise answer clients that expect Bitrix24, and echo exception messages
 * on a 500.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class BitrixErrorResponses implements ErrorResponseProcessor<Map<String, Object>> {

  @Override
  public MutableHttpResponse<Map<String, Object>> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    String message = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(null);
    ErrorAnswer error =
        BitrixErrors.ofHttpStatus(
            response.code(),
            context.getRequest().getPath(),
            message,
            context.getRootCause().orElse(null));
    // The mapping may refine a 500 (say 503 for an unreachable database).
    return response
        .status(error.status())
        .contentType(BitrixRestController.JSON_UTF8)
        .body(BitrixDispatcher.errorBody(error));
  }
}
