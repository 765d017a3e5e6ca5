package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.MessageId;
import java.util.Objects;

/**
 * A deletion.
 *
 * @param actor who deletes
 * @param message which message
 * @param complete whether it goes completely ({@code COMPLETE=Y}) rather than leaving a placeholder
 */
public record DeleteMessageCommand(ChatActor actor, MessageId message, boolean complete) {

  public DeleteMessageCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(message, "message");
  }
}
