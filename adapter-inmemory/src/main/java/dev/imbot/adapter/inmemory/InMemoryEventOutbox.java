package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.bot.BotDeletedNotice;
import java.util.ArrayList;
import java.util.List;

/** In-memory adapter of {@link EventOutbox}: keeps what was enqueued, in order. */
public final class InMemoryEventOutbox implements EventOutbox, Snapshottable {
  private List<BotDeletedNotice> notices = new ArrayList<>();

  public InMemoryEventOutbox(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized void enqueue(BotDeletedNotice notice) {
    notices.add(notice);
  }

  /** Everything enqueued so far. */
  public synchronized List<BotDeletedNotice> enqueued() {
    return List.copyOf(notices);
  }

  @Override
  public synchronized Runnable snapshot() {
    List<BotDeletedNotice> copy = new ArrayList<>(notices);
    return () -> {
      synchronized (this) {
        notices = copy;
      }
    };
  }
}
