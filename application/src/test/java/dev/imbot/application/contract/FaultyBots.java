package dev.imbot.application.contract;

import dev.imbot.application.contract.Faults.Call;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import java.util.Optional;

/** Test decorator of {@link Bots}: each call goes through {@link Faults} first. */
public final class FaultyBots implements Bots {
  private final Bots delegate;
  private final Faults faults;

  public FaultyBots(Bots delegate, Faults faults) {
    this.delegate = delegate;
    this.faults = faults;
  }

  @Override
  public List<BotSummary> lockApplication(ApplicationKey application) {
    faults.enter(Call.BOTS_LOCK_APPLICATION);
    return delegate.lockApplication(application);
  }

  @Override
  public void save(Bot bot) {
    faults.enter(Call.BOTS_SAVE);
    delegate.save(bot);
  }

  // A new bot's write is the same fault point as any other save of a bot.
  @Override
  public void add(Bot bot) {
    faults.enter(Call.BOTS_SAVE);
    delegate.add(bot);
  }

  @Override
  public void delete(BotId id) {
    faults.enter(Call.BOTS_DELETE);
    delegate.delete(id);
  }

  @Override
  public Optional<Bot> findById(BotId id) {
    faults.enter(Call.BOTS_FIND_BY_ID);
    return delegate.findById(id);
  }

  @Override
  public List<BotSummary> listAll() {
    faults.enter(Call.BOTS_LIST_ALL);
    return delegate.listAll();
  }
}
