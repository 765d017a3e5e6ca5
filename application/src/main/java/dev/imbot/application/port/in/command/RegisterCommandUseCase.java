package dev.imbot.application.port.in.command;

import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.rejection.RejectedException;

/** Use case: register a slash command ({@code imbot.command.register}). */
public interface RegisterCommandUseCase {

  /**
   * Registers the command, or finds the bot's command of that name (registering again returns its
   * id and changes nothing but the handler), and binds the application's command handler.
   *
   * @throws RejectedException {@code EVENT_COMMAND_ADD_ERROR}, {@code COMMAND_ERROR}, {@code
   *     BOT_ID_ERROR}, {@code APP_ID_ERROR}, {@code LANG_ERROR} or {@code WRONG_REQUEST}, in that
   *     order of checks
   */
  CommandId register(RegisterCommandCommand command);
}
