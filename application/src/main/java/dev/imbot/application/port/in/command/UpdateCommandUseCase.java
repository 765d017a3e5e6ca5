package dev.imbot.application.port.in.command;

import dev.imbot.domain.rejection.RejectedException;

/**
 * Use case: change a slash command and re-bind the command handler ({@code imbot.command.update}).
 */
public interface UpdateCommandUseCase {

  /**
   * @throws RejectedException {@code COMMAND_ID_ERROR}, {@code APP_ID_ERROR}, {@code
   *     EVENT_COMMAND_ADD_ERROR} or {@code WRONG_REQUEST}, in that order of checks
   */
  void update(UpdateCommandCommand command);
}
