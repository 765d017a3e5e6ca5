package dev.imbot.application.port.in.command;

import dev.imbot.domain.rejection.RejectedException;

/** Use case: delete a slash command ({@code imbot.command.unregister}). */
public interface UnregisterCommandUseCase {

  /**
   * @throws RejectedException {@code COMMAND_ID_ERROR}, {@code APP_ID_ERROR} or {@code
   *     WRONG_REQUEST}
   */
  void unregister(UnregisterCommandCommand command);
}
