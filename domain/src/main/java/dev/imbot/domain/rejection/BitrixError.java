package dev.imbot.domain.rejection;

import java.util.Objects;

/**
 * The Bitrix24 error a rejection answers with, word for word as Bitrix24 sends it: the {@code
 * error} code and the {@code error_description} text. The HTTP status belongs to the transport.
 *
 * @param code the {@code error} field
 * @param description the {@code error_description} field
 */
public record BitrixError(String code, String description) {

  public BitrixError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(description, "description");
  }
}
