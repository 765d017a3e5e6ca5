package dev.imbot.adapter.console.view;

import dev.imbot.domain.bot.Color;

/**
 * View model: the CSS colour of each of Bitrix24's 16 bot colours, as its web client paints them; a
 * bot without a colour gets graphite.
 */
public final class BotColors {
  private BotColors() {}

  public static String hex(Color color) {
    if (color == null) {
      return "#5c5f61";
    }
    return switch (color) {
      case RED -> "#df532d";
      case GREEN -> "#64a513";
      case MINT -> "#4ba984";
      case LIGHT_BLUE -> "#4ba5c3";
      case DARK_BLUE -> "#3e99ce";
      case PURPLE -> "#8474c8";
      case AQUA -> "#1eb4aa";
      case PINK -> "#f76187";
      case LIME -> "#58cc47";
      case BROWN -> "#ab7761";
      case AZURE -> "#29619b";
      case KHAKI -> "#728f7a";
      case SAND -> "#ba9c7b";
      case MARENGO -> "#556574";
      case GRAY -> "#909090";
      case GRAPHITE -> "#5c5f61";
    };
  }

  /** The colour's name in words ("Light blue"), or "No colour". */
  public static String name(Color color) {
    if (color == null) {
      return "No colour";
    }
    String lower = color.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
