package dev.imbot.application.port.in.bot;

import dev.imbot.domain.rejection.RejectedException;

/** Use case: change a bot ({@code imbot.update}). */
public interface UpdateBotUseCase {

  /**
   * Applies the update and re-binds the handlers given for the whole application.
   *
   * @throws RejectedException when a rule of {@code imbot.update} refuses the request
   */
  UpdatedBot update(UpdateBotCommand command);
}
