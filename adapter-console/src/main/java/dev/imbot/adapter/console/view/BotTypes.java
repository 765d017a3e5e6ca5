package dev.imbot.adapter.console.view;

import dev.imbot.domain.bot.BotType;

/** View model: a bot type in words, never as a letter alone. */
public final class BotTypes {
  private BotTypes() {}

  public static String word(BotType type) {
    return switch (type) {
      case BOT -> "Chat bot";
      case OPEN_LINES -> "Open Lines bot";
      case HUMAN -> "Human-like bot";
      case SUPERVISOR -> "Supervisor";
    };
  }

  /** A sentence saying what the type does, for a tooltip and the bot's page. */
  public static String explanation(BotType type) {
    return switch (type) {
      case BOT -> "answers in group chats only when mentioned";
      case OPEN_LINES -> "serves Open Lines conversations";
      case HUMAN -> "like a chat bot, but shows \u201ctyping\u2026\u201d before it answers";
      case SUPERVISOR -> "receives every message of the chats it belongs to";
    };
  }
}
