package dev.imbot.adapter.rest.admin;

import dev.imbot.application.port.in.portal.AdministrationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the administration use cases' refusals to HTTP, in the same error shape as Bitrix's. */
@Produces
@Singleton
public final class AdminErrors
    implements ExceptionHandler<AdministrationException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, AdministrationException exception) {
    HttpStatus status =
        switch (exception.kind()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case INVALID -> HttpStatus.BAD_REQUEST;
        };
    return HttpResponse.status(status).body(body(exception.kind().name(), exception.getMessage()));
  }

  static Map<String, Object> body(String code, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("error_description", description);
    return body;
  }
}
