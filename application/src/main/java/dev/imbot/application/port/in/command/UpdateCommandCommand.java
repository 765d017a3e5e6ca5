package dev.imbot.application.port.in.command;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.constraints.NotNull;

/**
 * Command: change one of the calling application's commands ({@code imbot.command.update}).
 *
 * @param application the calling application
 * @param commandId {@code COMMAND_ID} as sent, null when absent
 * @param fields {@code FIELDS} as a parameter tree, null when absent
 */
public record UpdateCommandCommand(
    @NotNull ApplicationKey application, String commandId, Object fields) {

  public UpdateCommandCommand {
    Commands.requireValid(UpdateCommandCommand.class, application, commandId, fields);
  }
}
