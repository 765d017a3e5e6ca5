package dev.imbot.adapter.rest;

import dev.imbot.adapter.rest.wire.MalformedRequestException;
import dev.imbot.domain.BitrixError;
import dev.imbot.domain.RejectedException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import jakarta.validation.ConstraintViolationException;
import java.net.ConnectException;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become Bitrix24 errors: a domain rejection maps through {@link
 * BitrixError}; transport errors carry their own; an unreachable database is {@code 503}; anything
 * else is a bug, logged with a correlation id and answered {@code 500} without a stack trace.
 */
public final class BitrixErrors {
  private static final Logger LOG = LoggerFactory.getLogger(BitrixErrors.class);

  private BitrixErrors() {}

  /** The Bitrix error for {@code failure}. */
  public static BitrixError of(Throwable failure) {
    if (failure instanceof RejectedException rejected) {
      return rejected.rejection().toBitrixError();
    }
    if (failure instanceof TransportError transport) {
      return new BitrixError(transport.status(), transport.code(), transport.description());
    }
    if (failure instanceof MalformedRequestException malformed) {
      return new BitrixError(400, "INVALID_REQUEST", malformed.getMessage());
    }
    if (failure instanceof URISyntaxException) {
      // Micronaut refuses such a URL before routing (BrokenUrlHandler).
      return new BitrixError(400, "INVALID_REQUEST", "broken percent-encoding in the URL");
    }
    if (failure instanceof ContentLengthExceededException) {
      return new BitrixError(
          413, "INVALID_REQUEST", "Request body is too large (the limit is 10 MiB)");
    }
    if (failure instanceof ConstraintViolationException invalid) {
      return new BitrixError(400, "INVALID_REQUEST", invalid.getMessage());
    }
    if (isDatabaseUnreachable(failure)) {
      LOG.warn("database unreachable: {}", failure.toString());
      return new BitrixError(
          503, "INTERNAL_SERVER_ERROR", "Service temporarily unavailable, try again");
    }
    String correlationId = UUID.randomUUID().toString();
    LOG.error("unexpected failure, correlation id {}", correlationId, failure);
    return new BitrixError(
        500,
        "INTERNAL_SERVER_ERROR",
        "Internal server error (correlation id " + correlationId + ")");
  }

  /** SQL state class 08 (connection exception) or a refused connection anywhere in the causes. */
  static boolean isDatabaseUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
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
