package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.portal.UserId;
import java.util.List;

/**
 * Incoming port: "… is typing": a bot says it is typing in a dialog ({@code imbot.chat.sendTyping})
 * and a reader asks who is typing in a chat (the console's Chat page). A mark lasts a few seconds,
 * or until its user posts in that chat.
 */
public interface TypingUseCase {

  /**
   * {@code actor} is typing in {@code dialog}: a private dialog that exists or a chat it is a
   * member of; anywhere else the mark is not kept (the call itself is never refused for it).
   */
  void typing(ChatActor actor, DialogId dialog);

  /** Who is typing in the chat now, other than {@code viewer}; empty when they may not read it. */
  List<ChatUser> typingIn(UserId viewer, ChatId chat);
}
