package dev.imbot.adapter.console.view;

/** View model: one choice of a select box. */
public record Option(String value, String label, boolean selected) {}
