package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.command.AnswerWindows;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.ChatId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory adapter of {@link AnswerWindows}: the last send per bot and chat; a bot gone from
 * {@link InMemoryBots} has none.
 */
public final class InMemoryAnswerWindows implements AnswerWindows, Snapshottable {
  private final InMemoryBots bots;
  private Map<String, Instant> lastSent = new HashMap<>();

  public InMemoryAnswerWindows(InMemoryUnitOfWork unitOfWork, InMemoryBots bots) {
    this.bots = bots;
    unitOfWork.register(this);
  }

  @Override
  public synchronized void commandSent(BotId bot, ChatId chat, Instant at) {
    lastSent.put(key(bot, chat), at);
  }

  @Override
  public synchronized Optional<Instant> lastCommandSent(BotId bot, ChatId chat) {
    if (bots.findById(bot).isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(lastSent.get(key(bot, chat)));
  }

  private static String key(BotId bot, ChatId chat) {
    return bot + "/" + chat;
  }

  @Override
  public synchronized Runnable snapshot() {
    Map<String, Instant> copy = new HashMap<>(lastSent);
    return () -> {
      synchronized (this) {
        lastSent = copy;
      }
    };
  }
}
