package dev.imbot.adapter.rest;

import dev.imbot.adapter.rest.ops.RequestLog;
import dev.imbot.adapter.rest.ops.RestMetrics;
import dev.imbot.adapter.rest.wire.EnvelopeWriter;
import dev.imbot.adapter.rest.wire.RequestDecoder;
import dev.imbot.adapter.rest.wire.WireParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * REST adapter: the Bitrix24 front at {@code /rest/…}. GET and POST both work for every method; the
 * body is read raw so one decoder handles query strings, forms, multipart and JSON alike. Runs on
 * the blocking executor, since methods reach the database.
 */
@Controller("/rest")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BitrixRestController {
  /** Bitrix24 answers JSON in UTF-8 and says so. */
  static final String JSON_UTF8 = "application/json; charset=utf-8";

  private final BitrixDispatcher dispatcher;
  private final RequestDecoder decoder;
  private final JsonMapper json;
  private final Clock clock;
  private final RestMetrics metrics;

  private final HttpClientAddressResolver addresses;

  public BitrixRestController(
      BitrixDispatcher dispatcher,
      JsonMapper json,
      Clock clock,
      RestMetrics metrics,
      HttpClientAddressResolver addresses) {
    this.addresses = addresses;
    this.dispatcher = dispatcher;
    this.decoder = new RequestDecoder();
    this.json = json;
    this.clock = clock;
    this.metrics = metrics;
  }

  // "/" too, so that /rest and /rest/ answer ERROR_METHOD_NOT_FOUND like any unknown method.
  @Get(
      uris = {"/", "/{+path}"},
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> get(
      HttpRequest<?> request, @Nullable @PathVariable("path") String path) {
    return handle(request, path, null);
  }

  @Post(
      uris = {"/", "/{+path}"},
      consumes = MediaType.ALL,
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> post(
      HttpRequest<?> request,
      @Nullable @PathVariable("path") String path,
      @Nullable @Body byte[] body) {
    return handle(request, path, body);
  }

  private HttpResponse<byte[]> handle(HttpRequest<?> request, String path, byte[] body) {
    Instant start = clock.instant();
    long began = System.nanoTime();
    RestPath restPath = RestPath.parse(path);
    BitrixDispatcher.Answer answer;
    try {
      WireParameters parameters =
          decoder.decode(
              request.getUri().getRawQuery(),
              request.getHeaders().get(HttpHeaders.CONTENT_TYPE),
              body);
      answer = dispatcher.answer(restPath, parameters, start, addresses.resolve(request));
    } catch (RuntimeException failure) {
      answer = BitrixDispatcher.error(failure);
    }
    observe(request, restPath, answer, System.nanoTime() - began);
    return HttpResponse.<byte[]>status(HttpStatus.valueOf(answer.status()))
        .contentType(JSON_UTF8)
        .body(bytesOf(answer.body()));
  }

  /** Counts the call by method and outcome, and names both for the request log. */
  private void observe(
      HttpRequest<?> request, RestPath path, BitrixDispatcher.Answer answer, long nanos) {
    String name = path.method();
    String method = name != null && dispatcher.methodNames().contains(name) ? name : "unknown";
    Object error = answer.body().get("error");
    String outcome = error == null ? RestMetrics.OK : error.toString();
    metrics.call(method, outcome, nanos);
    request.setAttribute(RequestLog.METHOD, method);
    request.setAttribute(RequestLog.OUTCOME, outcome);
  }

  private byte[] bytesOf(Map<String, Object> body) {
    try {
      return EnvelopeWriter.write(body);
    } catch (IllegalArgumentException notPlainJson) {
      // A method answered with a value the writer does not know: the mapper still can.
      try {
        return json.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** An answer made outside this controller (by an exception handler), with the same headers. */
  static HttpResponse<Map<String, Object>> respond(BitrixDispatcher.Answer answer) {
    return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(answer.status()))
        .contentType(JSON_UTF8)
        .body(answer.body());
  }
}
