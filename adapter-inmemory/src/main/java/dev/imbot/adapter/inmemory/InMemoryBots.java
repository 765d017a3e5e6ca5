package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory adapter of {@link Bots}; bots are immutable, so a snapshot is a map copy. */
public final class InMemoryBots implements Bots, Snapshottable {
  private final InMemoryUnitOfWork unitOfWork;
  private TreeMap<BotId, Bot> byId = new TreeMap<>();

  public InMemoryBots(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
    unitOfWork.register(this);
  }

  @Override
  public synchronized List<BotSummary> lockApplication(ApplicationKey application) {
    if (!unitOfWork.isActive()) {
      throw new IllegalStateException("lockApplication needs a unit of work");
    }
    return byId.values().stream()
        .filter(bot -> bot.belongsTo(application))
        .map(Bot::summary)
        .toList();
  }

  @Override
  public synchronized void save(Bot bot) {
    byId.put(bot.id(), bot);
  }

  @Override
  public synchronized void delete(BotId id) {
    byId.remove(id);
  }

  @Override
  public synchronized Optional<Bot> findById(BotId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<BotSummary> listAll() {
    return byId.values().stream().map(Bot::summary).toList();
  }

  /** Whether a bot other than {@code except} (null: any) has this address, ignoring case. */
  synchronized boolean isEmailUsed(Email email, BotId except) {
    return byId.values().stream()
        .filter(bot -> !bot.id().equals(except))
        .anyMatch(bot -> email.sameAddressAs(bot.profile().email()));
  }

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<BotId, Bot> copy = new TreeMap<>(byId);
    return () -> {
      synchronized (this) {
        byId = copy;
      }
    };
  }
}
