package dev.imbot.domain.command;

import java.util.Objects;

/**
 * A command a message or a button press calls: the command, the rest of its line ({@code
 * COMMAND_PARAMS}) and how it was called.
 */
public record CommandCall(RegisteredCommand registered, String params, CommandContext context) {

  public CommandCall {
    Objects.requireNonNull(registered, "registered");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(context, "context");
  }

  public SlashCommand command() {
    return registered.command();
  }
}
