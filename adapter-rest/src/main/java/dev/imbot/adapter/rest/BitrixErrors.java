package dev.imbot.adapter.rest;

import dev.imbot.adapter.rest.wire.MalformedRequestException;
import dev.imbot.domain.rejection.RejectedException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.validation.ConstraintViolationException;
import java.net.ConnectException;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become Bitrix24 errors: a domain rejection maps through {@link
 * ErrorAnswer}; transport errors carry their own; an unreachable database is {@code 503}; anything
 * else is a bug, logged with a correlation id and answered {@code 500} without a stack trace.
 */
public final class BitrixErrors {
  private static final Logger LOG = LoggerFactory.getLogger(BitrixErrors.class);

  private BitrixErrors() {}

  /** The Bitrix error for {@code failure}. */
  public static ErrorAnswer of(Throwable failure) {
    if (failure instanceof RejectedException rejected) {
      return ErrorAnswer.of(rejected.rejection());
    }
    if (failure instanceof TransportError transport) {
      return new ErrorAnswer(transport.status(), transport.code(), transport.description());
    }
    if (failure instanceof MalformedRequestException malformed) {
      return new ErrorAnswer(400, "INVALID_REQUEST", malformed.getMessage());
    }
    if (failure instanceof URISyntaxException) {
      // Micronaut refuses such a URL before routing (BrokenUrlHandler).
      return new ErrorAnswer(400, "INVALID_REQUEST", "broken percent-encoding in the URL");
    }
    if (failure instanceof ContentLengthExceededException) {
      return new ErrorAnswer(
          413, "INVALID_REQUEST", "Request body is too large (the limit is 10 MiB)");
    }
    DecompressionException undecodable = causeOfType(failure, DecompressionException.class);
    if (undecodable != null) {
      // Netty decodes Content-Encoding (and a gzip/deflate Transfer-Encoding) before any route:
      // a body that lies about its encoding is the client's fault, not a bug of ours.
      return new ErrorAnswer(
          400,
          "INVALID_REQUEST",
          "The request body is not encoded as its Content-Encoding or Transfer-Encoding header"
              + " declares (gzip, deflate): "
              + undecodable.getMessage());
    }
    if (failure instanceof ConstraintViolationException invalid) {
      return new ErrorAnswer(400, "INVALID_REQUEST", invalid.getMessage());
    }
    if (isDatabaseUnreachable(failure)) {
      LOG.warn("database unreachable: {}", failure.toString());
      return new ErrorAnswer(
          503, "INTERNAL_SERVER_ERROR", "Service temporarily unavailable, try again");
    }
    String correlationId = UUID.randomUUID().toString();
    LOG.error("unexpected failure, correlation id {}", correlationId, failure);
    return new ErrorAnswer(
        500,
        "INTERNAL_SERVER_ERROR",
        "Internal server error (correlation id " + correlationId + ")");
  }

  /**
   * The Bitrix-style error for an answer the HTTP server makes itself, before or instead of any
   * route: a request its decoder refuses (413 for a URL or headers over the limits, 400 otherwise),
   * no route (404), a method other than GET or POST (405), or an uncaught failure ({@code cause},
   * mapped like any other through {@link #of}).
   *
   * @param status the status the server chose
   * @param path the request's path, to tell the Bitrix front from the rest
   * @param message the server's own description of a client error, or null
   * @param cause the failure behind a 5xx, or null
   */
  public static ErrorAnswer ofHttpStatus(int status, String path, String message, Throwable cause) {
    if (status >= 500) {
      return cause == null
          ? new ErrorAnswer(status, "INTERNAL_SERVER_ERROR", "Internal server error")
          : of(cause);
    }
    boolean rest = path != null && (path.equals("/rest") || path.startsWith("/rest/"));
    return switch (status) {
      case 404 ->
          rest
              ? new ErrorAnswer(404, "ERROR_METHOD_NOT_FOUND", "Method not found!")
              : new ErrorAnswer(404, "NOT_FOUND", "Not found");
      case 405 ->
          new ErrorAnswer(405, "INVALID_REQUEST", "HTTP method not allowed: use GET or POST");
      case 413 ->
          new ErrorAnswer(
              413,
              "INVALID_REQUEST",
              "Request is too large (the URL, the headers or the body exceed the server's limits)");
      default ->
          new ErrorAnswer(
              status,
              "INVALID_REQUEST",
              message == null || message.isBlank() ? "The request could not be read" : message);
    };
  }

  private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /**
   * SQL state class 08 (connection exception), a JDBC connection exception (H2 reports a broken or
   * closed connection as {@link SQLNonTransientConnectionException} with a state of its own) or a
   * refused connection anywhere in the causes.
   */
  static boolean isDatabaseUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
