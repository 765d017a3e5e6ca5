package dev.imbot.adapter.rest.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.stream.Collectors;

/**
 * Answers an admin request whose command breaks its shape constraints (say a blank {@code
 * client_id}, an {@code access_token} under 16 characters, a person without a name) with {@code 400
 * INVALID} naming the field as the JSON body does, instead of a {@code 500} that would echo the
 * exception. The Bitrix front never lets this exception out ({@code BitrixErrors} maps it), so only
 * the admin API reaches this handler.
 */
@Produces
@Singleton
public final class AdminInvalidCommandHandler
    implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
    String description =
        exception.getConstraintViolations().stream()
            .map(AdminInvalidCommandHandler::describe)
            .sorted()
            .collect(Collectors.joining("; "));
    return HttpResponse.status(HttpStatus.BAD_REQUEST)
        .body(AdminErrors.body("INVALID", description.isEmpty() ? "invalid request" : description));
  }

  private static String describe(ConstraintViolation<?> violation) {
    String field = null;
    for (Path.Node node : violation.getPropertyPath()) {
      field = node.getName();
    }
    return snakeCase(field == null ? "request" : field) + ": " + violation.getMessage();
  }

  /** {@code clientId} → {@code client_id}, the name the JSON body uses. */
  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
