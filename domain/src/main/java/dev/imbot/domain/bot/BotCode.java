package dev.imbot.domain.bot;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.RequestRejectionReason;

/**
 * A bot's code: unique within its application, trimmed, 1..50 characters. Compared exactly (case
 * matters), see docs/decisions.md.
 */
public record BotCode(String value) {
  public static final int MAX_LENGTH = 50;

  public BotCode {
    if (Text.isBlank(value)) {
      throw new IllegalArgumentException("CODE must not be blank");
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException("CODE must be trimmed");
    }
    if (Text.length(value) > MAX_LENGTH) {
      throw new IllegalArgumentException("CODE must be at most " + MAX_LENGTH + " characters");
    }
  }

  public static BotCode of(String value) {
    return new BotCode(value);
  }

  /**
   * Reads a code from the wire: trimmed; blank is {@link BotRejectionReason#CODE_NOT_SPECIFIED},
   * too long is {@link RequestRejectionReason#FIELD_INVALID} naming {@code field}.
   */
  public static BotCode parse(String raw, String field) {
    String trimmed = Text.trimToNull(raw);
    if (trimmed == null) {
      throw BotRejection.of(BotRejectionReason.CODE_NOT_SPECIFIED).toException();
    }
    if (Text.length(trimmed) > MAX_LENGTH) {
      throw InvalidField.of(field, "must be at most " + MAX_LENGTH + " characters").toException();
    }
    return new BotCode(trimmed);
  }

  @Override
  public String toString() {
    return value;
  }
}
