package dev.imbot.adapter.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI description of the REST surface at {@code /openapi.yml}. */
@Controller
public final class OpenApiController {
  private final byte[] document;

  public OpenApiController() {
    try (InputStream in =
        OpenApiController.class.getResourceAsStream("/openapi/imbot-registry.yml")) {
      if (in == null) {
        throw new IllegalStateException("openapi/imbot-registry.yml is missing from the jar");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get(uri = "/openapi.yml", produces = "application/yaml")
  public HttpResponse<byte[]> openApi() {
    return HttpResponse.ok(document).contentType("application/yaml; charset=utf-8");
  }
}
