package dev.imbot.application.service;

import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.domain.rejection.Rejection;
import java.util.function.Supplier;

/**
 * Runs a use case's unit of work, retrying it when a write lost to a concurrent one: the retry
 * reads the winner's state and reaches the outcome the rules give (say, the existing bot's id).
 */
public final class ConflictRetry {
  public static final int ATTEMPTS = 3;

  private ConflictRetry() {}

  /**
   * @param whenExhausted the "anything else" rejection of the use case, raised when every attempt
   *     conflicted
   */
  public static <T> T run(UnitOfWork unitOfWork, Supplier<T> work, Rejection whenExhausted) {
    for (int attempt = 1; ; attempt++) {
      try {
        return unitOfWork.run(work);
      } catch (WriteConflictException conflict) {
        if (attempt == ATTEMPTS) {
          throw whenExhausted.toException();
        }
      }
    }
  }
}
