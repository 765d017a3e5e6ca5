package dev.imbot.domain.command;

/** How a command reached its bot ({@code COMMAND_CONTEXT}). */
public enum CommandContext {
  /** Typed as a line {@code /<command> <params>} of a message. */
  TEXTAREA,
  /** A keyboard button that carries it was pressed. */
  KEYBOARD
}
