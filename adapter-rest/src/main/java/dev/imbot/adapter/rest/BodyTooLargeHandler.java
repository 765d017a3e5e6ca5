package dev.imbot.adapter.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers a body over the server's limit (10 MiB) with {@code 413} and a Bitrix-style error. */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public final class BodyTooLargeHandler
    implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "INVALID_REQUEST");
    body.put("error_description", "Request body is too large (the limit is 10 MiB)");
    return HttpResponse.status(io.micronaut.http.HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .contentType(BitrixRestController.JSON_UTF8)
        .body(body);
  }
}
