package dev.imbot.adapter.console.view;

import java.util.Arrays;
import java.util.List;

/**
 * View model: the console's pages in navigation order. A page not built yet stays in the menu,
 * marked as coming, so that adding it is one flag.
 */
public enum Section {
  BOTS("Bots", "/console/bots", true),
  APPLICATIONS("Applications", "/console/applications", true),
  DELIVERIES("Deliveries", "/console/deliveries", true),
  CHAT("Chat", "/console/chat", true);

  private final String label;
  private final String path;
  private final boolean available;

  Section(String label, String path, boolean available) {
    this.label = label;
    this.path = path;
    this.available = available;
  }

  public String label() {
    return label;
  }

  public String path() {
    return path;
  }

  public boolean available() {
    return available;
  }

  /** The menu with {@code current} marked. */
  public static List<NavItem> menu(Section current) {
    return Arrays.stream(values())
        .map(s -> new NavItem(s.label, s.path, s == current, s.available))
        .toList();
  }
}
