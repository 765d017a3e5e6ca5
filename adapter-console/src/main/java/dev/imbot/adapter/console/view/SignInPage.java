package dev.imbot.adapter.console.view;

/** View model: the sign-in page, with what went wrong (or null) and a notice (or null). */
public record SignInPage(String error, String notice) {}
