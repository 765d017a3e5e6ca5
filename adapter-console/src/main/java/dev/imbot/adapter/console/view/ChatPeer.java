package dev.imbot.adapter.console.view;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.domain.bot.BotSummary;

/**
 * View model: a user the Chat page offers: to open a dialog with, to add to a new chat, or to
 * mention ({@code @}), which inserts {@link #mention()}.
 */
public record ChatPeer(long id, String name, String detail, boolean bot) {

  public static ChatPeer of(ChatUser user) {
    return new ChatPeer(user.id(), user.fullName(), user.bot() ? "bot" : "person", user.bot());
  }

  public static ChatPeer of(BotSummary bot) {
    return new ChatPeer(bot.id().value(), bot.fullName(), bot.code().value(), true);
  }

  public String initials() {
    return Initials.of(name);
  }

  /** The BB-code a mention of this user inserts, {@code [USER=5]Ann Lee[/USER]}. */
  public String mention() {
    return "[USER=" + id + "]" + name.replace("[", "(").replace("]", ")") + "[/USER]";
  }
}
