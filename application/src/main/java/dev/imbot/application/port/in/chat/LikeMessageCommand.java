package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.LikeAction;
import dev.imbot.domain.chat.MessageId;
import java.util.Objects;

/**
 * A like, unlike or toggle.
 *
 * @param actor who likes
 * @param message which message
 * @param action what to do
 */
public record LikeMessageCommand(ChatActor actor, MessageId message, LikeAction action) {

  public LikeMessageCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(action, "action");
  }
}
