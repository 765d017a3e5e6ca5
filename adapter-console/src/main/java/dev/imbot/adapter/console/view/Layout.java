package dev.imbot.adapter.console.view;

import java.util.List;

/**
 * View model: what every signed-in page shows around its content: the title, the menu, the
 * session's form token, and the last action's outcome (or null).
 */
public record Layout(String title, List<NavItem> nav, String csrf, Flash flash) {

  public static Layout of(String title, Section section, String csrf, Flash flash) {
    return new Layout(title, Section.menu(section), csrf, flash);
  }
}
