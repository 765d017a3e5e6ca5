package dev.imbot.application.port.in.bot;

import dev.imbot.domain.rejection.RejectedException;

/** Use case: register a chat bot ({@code imbot.register}). */
public interface RegisterBotUseCase {

  /**
   * Registers the bot, or returns the existing one when the application already has its code.
   *
   * @throws RejectedException when a rule of imbot.register's checks refuses the request
   */
  RegisteredBot register(RegisterBotCommand command);
}
