package dev.imbot.adapter.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a failure that no more specific handler claims, thrown outside the Bitrix front (the
 * admin API above all), through {@link BitrixErrors}: {@code 503} when the database is unreachable,
 * otherwise {@code 500} with a logged correlation id. Without it Micronaut's default answer carries
 * the exception's message (SQL text included) in another error shape.
 */
@Produces
@Singleton
public final class UnhandledFailureHandler
    implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, RuntimeException failure) {
    ErrorAnswer error = BitrixErrors.of(failure);
    return HttpResponse.status(HttpStatus.valueOf(error.status()))
        .contentType(BitrixRestController.JSON_UTF8)
        .body(BitrixDispatcher.errorBody(error));
  }
}
