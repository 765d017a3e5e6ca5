package dev.imbot.adapter.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.URISyntaxHandler;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;

/**
 * Answers a URL Micronaut cannot parse (a broken percent escape such as {@code %zz} in the query)
 * with {@code 400 INVALID_REQUEST} in Bitrix's shape (through {@link BitrixErrors}); the server
 * refuses such a URL before any controller sees it.
 */
@Produces
@Singleton
@Replaces(URISyntaxHandler.class)
public final class BrokenUrlHandler
    implements ExceptionHandler<URISyntaxException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, URISyntaxException exception) {
    return BitrixRestController.respond(BitrixDispatcher.error(exception));
  }
}
