package dev.imbot.application.port.in.command;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.constraints.NotNull;

/**
 * Command: a bot answers a command it was sent ({@code imbot.command.answer}). The values are as
 * sent; the extras are parameter trees (null when absent or empty).
 *
 * @param application the calling application
 * @param commandId {@code COMMAND_ID}, null when absent
 * @param command {@code COMMAND} (the command by name, when {@code COMMAND_ID} is absent), null
 *     when absent
 * @param messageId {@code MESSAGE_ID} as PHP's {@code intval} reads it: the message that carried
 *     the command, 0 or less when absent or not a number
 * @param message {@code MESSAGE}, null when absent
 * @param attach {@code ATTACH}
 * @param keyboard {@code KEYBOARD}
 * @param menu {@code MENU}
 * @param system {@code SYSTEM=Y}
 * @param urlPreview {@code URL_PREVIEW}, not {@code N}
 */
public record AnswerCommandCommand(
    @NotNull ApplicationKey application,
    String commandId,
    String command,
    long messageId,
    String message,
    Object attach,
    Object keyboard,
    Object menu,
    boolean system,
    boolean urlPreview) {

  public AnswerCommandCommand {
    Commands.requireValid(
        AnswerCommandCommand.class,
        application,
        commandId,
        command,
        messageId,
        message,
        attach,
        keyboard,
        menu,
        system,
        urlPreview);
  }
}
