package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.chat.Message;
import java.util.List;

/**
 * The bot events a messenger change causes, recorded in the change's unit of work: the welcome of a
 * private dialog, bots joining chats, and messages added, edited and deleted, routed by {@link
 * dev.imbot.domain.chat.MessageRoutingPolicy}.
 */
public interface ChatEvents {

  /** A person opened a private dialog with a bot. */
  void privateDialogOpened(Chat dialog, ChatUser person, MemberBot bot);

  /** {@code actor} added {@code bots} to a group-like chat. */
  void botsJoined(Chat chat, ChatUser actor, List<MemberBot> bots, boolean seesHistory);

  /** A message was posted; {@code memberBots} are the bots among the chat's members. */
  void messageAdded(Chat chat, Message message, ChatUser author, List<MemberBot> memberBots);

  /** A message was edited. */
  void messageUpdated(Chat chat, Message message, ChatUser author, List<MemberBot> memberBots);

  /**
   * A message was deleted; {@code original} is its text before deletion (its mentions route it),
   * {@code placeholder} what the bots are told it says now.
   */
  void messageDeleted(
      Chat chat, Message message, String original, ChatUser author, List<MemberBot> memberBots);

  /** Records nothing: for embedders without bots' handlers. */
  static ChatEvents none() {
    return new ChatEvents() {
      @Override
      public void privateDialogOpened(Chat dialog, ChatUser person, MemberBot bot) {}

      @Override
      public void botsJoined(
          Chat chat, ChatUser actor, List<MemberBot> bots, boolean seesHistory) {}

      @Override
      public void messageAdded(
          Chat chat, Message message, ChatUser author, List<MemberBot> memberBots) {}

      @Override
      public void messageUpdated(
          Chat chat, Message message, ChatUser author, List<MemberBot> memberBots) {}

      @Override
      public void messageDeleted(
          Chat chat,
          Message message,
          String original,
          ChatUser author,
          List<MemberBot> memberBots) {}
    };
  }
}
