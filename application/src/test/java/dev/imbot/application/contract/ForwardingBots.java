package dev.imbot.application.contract;

import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import java.util.Optional;

/**
 * Test base of {@link Bots} decorators: forwards every call; a decorator overrides what it bends.
 */
public abstract class ForwardingBots implements Bots {
  private final Bots delegate;

  protected ForwardingBots(Bots delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<BotSummary> lockApplication(ApplicationKey application) {
    return delegate.lockApplication(application);
  }

  @Override
  public void save(Bot bot) {
    delegate.save(bot);
  }

  @Override
  public void add(Bot bot) {
    delegate.add(bot);
  }

  @Override
  public void delete(BotId id) {
    delegate.delete(id);
  }

  @Override
  public Optional<Bot> findById(BotId id) {
    return delegate.findById(id);
  }

  @Override
  public List<BotSummary> listAll() {
    return delegate.listAll();
  }
}
