package dev.imbot.application.port.in.bot;

/** Query: every bot of the portal ({@code imbot.bot.list} takes no parameters). */
public record ListBotsQuery() {}
