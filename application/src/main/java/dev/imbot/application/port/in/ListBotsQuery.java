package dev.imbot.application.port.in;

/** Query: every bot of the portal ({@code imbot.bot.list} takes no parameters). */
public record ListBotsQuery() {}
