package dev.imbot.adapter.console.view;

/** View model: a page that only says something, e.g. why a request was refused. */
public record MessagePage(String title, String text, String linkHref, String linkLabel) {}
