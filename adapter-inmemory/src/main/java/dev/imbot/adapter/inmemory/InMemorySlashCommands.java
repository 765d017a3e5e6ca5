package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * In-memory adapter of {@link SlashCommands}. Commands are immutable records, so a snapshot is a
 * map copy; a command whose bot is gone from {@link InMemoryBots} is never found, as a foreign key
 * would have deleted it. Ids are never given back.
 */
public final class InMemorySlashCommands implements SlashCommands, Snapshottable {
  private final InMemoryBots bots;
  private TreeMap<CommandId, SlashCommand> byId = new TreeMap<>();
  private long lastId;

  public InMemorySlashCommands(InMemoryUnitOfWork unitOfWork, InMemoryBots bots) {
    this.bots = bots;
    unitOfWork.register(this);
  }

  @Override
  public synchronized CommandId nextId() {
    return CommandId.of(++lastId);
  }

  @Override
  public synchronized void save(SlashCommand command) {
    if (bots.findById(command.bot()).isEmpty()) {
      throw new IllegalStateException("no bot " + command.bot() + " for command " + command.id());
    }
    Optional<SlashCommand> sameName = findOfBot(command.bot(), command.name());
    if (sameName.isPresent() && !sameName.get().id().equals(command.id())) {
      throw new WriteConflictException(
          "bot " + command.bot() + " has a command /" + command.name() + " already", null);
    }
    byId.put(command.id(), command);
  }

  @Override
  public synchronized void delete(CommandId id) {
    byId.remove(id);
  }

  @Override
  public synchronized Optional<SlashCommand> find(CommandId id) {
    return live().filter(c -> c.id().equals(id)).findFirst();
  }

  @Override
  public synchronized Optional<SlashCommand> findOfBot(BotId bot, CommandName name) {
    return live().filter(c -> c.bot().equals(bot) && c.name().equals(name)).findFirst();
  }

  @Override
  public synchronized Optional<SlashCommand> findOfApplication(
      ApplicationKey application, CommandName name) {
    return live().filter(c -> c.belongsTo(application) && c.name().equals(name)).findFirst();
  }

  @Override
  public synchronized List<SlashCommand> named(CommandName name) {
    return live().filter(c -> c.name().equals(name)).toList();
  }

  /** The commands whose bot still exists, in id order. */
  private Stream<SlashCommand> live() {
    return byId.values().stream().filter(c -> bots.findById(c.bot()).isPresent());
  }

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<CommandId, SlashCommand> copy = new TreeMap<>(byId);
    return () -> {
      synchronized (this) {
        byId = copy;
      }
    };
  }
}
