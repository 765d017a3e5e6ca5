package dev.imbot.adapter.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a body over the server's limit ({@code micronaut.server.max-request-size}, 10 MiB) with
 * {@code 413} and a Bitrix-style error (through {@link BitrixErrors}).
 */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public final class BodyTooLargeHandler
    implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
    return BitrixRestController.respond(BitrixDispatcher.error(exception));
  }
}
