package dev.imbot.application.port.in.command;

import dev.imbot.domain.rejection.RejectedException;

/**
 * Use case: a bot answers a command ({@code imbot.command.answer}). The answer is posted by the
 * command's bot into the chat of the command's message while the bot's answer window there is open;
 * after it, nothing is posted.
 */
public interface AnswerCommandUseCase {

  /**
   * @throws RejectedException {@code COMMAND_ID_ERROR}, {@code APP_ID_ERROR}, {@code
   *     MESSAGE_ID_EMPTY}, {@code MESSAGE_EMPTY}, the extras' errors or {@code WRONG_REQUEST}, in
   *     that order of checks
   */
  CommandAnswer answer(AnswerCommandCommand command);
}
