package dev.imbot.application.port.in.command;

import dev.imbot.domain.rejection.RejectedException;

/**
 * Use case: a person presses a keyboard button ({@code im.message.command}); the button's command,
 * where it is available, goes to its bot's application as {@code ONIMCOMMANDADD} with {@code
 * COMMAND_CONTEXT=KEYBOARD}.
 */
public interface PressButtonUseCase {

  /**
   * @throws RejectedException {@code PARAMS_ERROR} when there is no such message, the person is not
   *     in its chat, or the message has no such button
   */
  void press(PressButtonCommand command);
}
