package dev.imbot.adapter.console.view;

/** View model: one entry of the menu; an unavailable one is shown as coming, not as a link. */
public record NavItem(String label, String href, boolean current, boolean available) {}
