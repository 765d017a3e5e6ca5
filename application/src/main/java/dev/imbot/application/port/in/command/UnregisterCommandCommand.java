package dev.imbot.application.port.in.command;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.constraints.NotNull;

/**
 * Command: delete one of the calling application's commands ({@code imbot.command.unregister}).
 *
 * @param application the calling application
 * @param commandId {@code COMMAND_ID} as sent, null when absent
 */
public record UnregisterCommandCommand(@NotNull ApplicationKey application, String commandId) {

  public UnregisterCommandCommand {
    Commands.requireValid(UnregisterCommandCommand.class, application, commandId);
  }
}
