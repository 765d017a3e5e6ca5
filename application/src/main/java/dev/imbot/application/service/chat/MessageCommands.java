package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.Message;

/**
 * The slash commands of a message just posted, dispatched in the post's unit of work before the
 * message is routed to bots: a message that calls a command reaches its bots as {@code
 * ONIMCOMMANDADD} only, never as {@code ONIMBOTMESSAGEADD}.
 */
public interface MessageCommands {

  /**
   * Dispatches the commands {@code message} calls, if any.
   *
   * @return whether it called any (then it is routed to no bot as a message)
   */
  boolean dispatch(Chat chat, Message message, ChatUser author);

  /** Recognises nothing: for embedders without slash commands. */
  static MessageCommands none() {
    return (chat, message, author) -> false;
  }
}
