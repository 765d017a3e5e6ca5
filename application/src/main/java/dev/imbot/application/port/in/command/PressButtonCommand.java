package dev.imbot.application.port.in.command;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.portal.UserId;
import jakarta.validation.constraints.NotNull;

/**
 * Command: a person presses a keyboard button that carries a command ({@code im.message.command}).
 *
 * @param person who presses
 * @param message the message that carries the keyboard ({@code MESSAGE_ID})
 * @param bot the button's bot ({@code BOT_ID})
 * @param command the button's command ({@code COMMAND}), not empty
 * @param params the button's {@code COMMAND_PARAMS}, empty when none
 */
public record PressButtonCommand(
    @NotNull UserId person,
    @NotNull MessageId message,
    @NotNull BotId bot,
    @NotNull String command,
    @NotNull String params) {

  public PressButtonCommand {
    Commands.requireValid(PressButtonCommand.class, person, message, bot, command, params);
  }
}
