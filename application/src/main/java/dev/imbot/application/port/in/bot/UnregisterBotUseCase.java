package dev.imbot.application.port.in.bot;

import dev.imbot.domain.rejection.RejectedException;

/** Use case: delete a bot ({@code imbot.unregister}). */
public interface UnregisterBotUseCase {

  /**
   * Deletes the bot, records {@code ONIMBOTDELETE} for the application's handler, and removes the
   * application's handler bindings when it has no bots left.
   *
   * @throws RejectedException {@code BOT_ID_ERROR}, {@code APP_ID_ERROR} or {@code WRONG_REQUEST}
   */
  UnregisteredBot unregister(UnregisterBotCommand command);
}
