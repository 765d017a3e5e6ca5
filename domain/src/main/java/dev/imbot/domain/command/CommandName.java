package dev.imbot.domain.command;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.rejection.InvalidField;
import java.util.Objects;

/**
 * What a person types after the slash: {@code echo} for {@code /echo}. Stored without the slash
 * (one leading {@code /} is dropped, as Bitrix24 drops it), compared exactly: {@code Echo} and
 * {@code echo} are two commands. At most {@value #MAX_LENGTH} characters.
 */
public record CommandName(String value) {
  public static final int MAX_LENGTH = 255;

  public CommandName {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || Text.length(value) > MAX_LENGTH) {
      throw new IllegalArgumentException("not a command name: " + value);
    }
  }

  public static CommandName of(String value) {
    return new CommandName(value);
  }

  /**
   * The name as a person or a button gives it: trimmed, one leading slash dropped; empty when
   * nothing is left.
   */
  public static String normalised(String raw) {
    if (raw == null) {
      return "";
    }
    String trimmed = raw.strip();
    return trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
  }

  /**
   * Reads a command name sent as {@code field} ({@code COMMAND}, {@code FIELDS[COMMAND]}): missing
   * or empty after {@link #normalised} is {@code COMMAND_ERROR} "Command isn't specified", longer
   * than {@value #MAX_LENGTH} characters is {@code WRONG_REQUEST}.
   */
  public static CommandName parse(String raw, String field) {
    String name = normalised(raw);
    if (name.isEmpty()) {
      throw CommandRejection.refuse(CommandRejectionReason.COMMAND_NOT_SPECIFIED);
    }
    if (Text.length(name) > MAX_LENGTH) {
      throw InvalidField.of(field, "must be at most " + MAX_LENGTH + " characters").toException();
    }
    return new CommandName(name);
  }

  @Override
  public String toString() {
    return value;
  }
}
