package dev.imbot.application.port.out.command;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.ChatId;
import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port: when a command of each bot was last sent in each chat, which opens the bot's
 * window to answer there ({@code imbot.command.answer}). Gone with the bot or the chat.
 */
public interface AnswerWindows {

  /**
   * Records that a command of {@code bot} was sent in {@code chat} at {@code at}; the last wins.
   */
  void commandSent(BotId bot, ChatId chat, Instant at);

  /** When a command of {@code bot} was last sent in {@code chat}, if ever. */
  Optional<Instant> lastCommandSent(BotId bot, ChatId chat);
}
