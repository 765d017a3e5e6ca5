package dev.imbot.domain.command;

import java.util.Optional;

/** A slash command's id, from the commands' own sequence. Always positive. */
public record CommandId(long value) implements Comparable<CommandId> {

  public CommandId {
    if (value <= 0) {
      throw new IllegalArgumentException("a command id must be positive, was " + value);
    }
  }

  public static CommandId of(long value) {
    return new CommandId(value);
  }

  /**
   * Reads {@code COMMAND_ID} from the wire: digits, surrounding blanks ignored, at most 18 of them,
   * positive. Anything else names no command ({@code COMMAND_ID_ERROR} for the caller).
   */
  public static Optional<CommandId> tryParse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    if (trimmed.isEmpty()
        || trimmed.length() > 18
        || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long value = Long.parseLong(trimmed);
    return value > 0 ? Optional.of(new CommandId(value)) : Optional.empty();
  }

  /** As {@link #tryParse}, refusing what names no command with {@code COMMAND_ID_ERROR}. */
  public static CommandId parse(String raw) {
    return tryParse(raw)
        .orElseThrow(() -> CommandRejection.refuse(CommandRejectionReason.COMMAND_NOT_FOUND));
  }

  @Override
  public int compareTo(CommandId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
