package dev.imbot.bootstrap;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test support: one HTTP answer of the service, its body as text and as parsed JSON. */
record Answer(int status, String contentType, String body) {
  private static final JsonMapper JSON = JsonMapper.createDefault();

  static Answer of(HttpResponse<String> response) {
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  /** The body as JSON: maps, lists, strings, numbers and booleans. */
  Object json() {
    try {
      return JSON.readValue(body.getBytes(StandardCharsets.UTF_8), Argument.OBJECT_ARGUMENT);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  /** The body as a JSON object. */
  @SuppressWarnings("unchecked")
  Map<String, Object> object() {
    return (Map<String, Object>) json();
  }

  /** Bitrix24's {@code result}. */
  Object result() {
    return object().get("result");
  }

  /** {@code result} as the integer a successful {@code imbot.register} answers. */
  long botId() {
    return integer();
  }

  /** {@code result} as a JSON integer, such as the id a method that creates something answers. */
  long integer() {
    Object result = result();
    if (!(result instanceof Integer || result instanceof Long)) {
      throw new AssertionError("result is not a JSON integer: " + body);
    }
    return ((Number) result).longValue();
  }

  /** Bitrix24's {@code error}. */
  String error() {
    return (String) object().get("error");
  }

  /** Bitrix24's {@code error_description}. */
  String errorDescription() {
    return (String) object().get("error_description");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
