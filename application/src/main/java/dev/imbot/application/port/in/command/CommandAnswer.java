package dev.imbot.application.port.in.command;

import dev.imbot.domain.chat.MessageId;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of an answer: the message it was posted as, or nothing when the command's answer
 * window had closed (the call still succeeds, as on Bitrix24).
 *
 * @param posted the answer's message, empty when nothing was posted
 */
public record CommandAnswer(Optional<MessageId> posted) {

  public CommandAnswer {
    Objects.requireNonNull(posted, "posted");
  }

  public static CommandAnswer postedAs(MessageId id) {
    return new CommandAnswer(Optional.of(id));
  }

  public static CommandAnswer dropped() {
    return new CommandAnswer(Optional.empty());
  }
}
