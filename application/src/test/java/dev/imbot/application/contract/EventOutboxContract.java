package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotDeletedNotice;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.event.HandlerUrl;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link EventOutbox}, run against every adapter. */
public abstract class EventOutboxContract extends PortalContract {

  private BotDeletedNotice notice(String code) {
    BotId id = inUnitOfWork(() -> portal.users().allocateUserId());
    return new BotDeletedNotice(
        APP, HandlerUrl.of("https://bot.example.com/gone"), id, BotCode.of(code), NOW);
  }

  @Test
  void givenNothingEnqueued_enqueuedNotices_isEmpty() {
    assertThat(portal.enqueuedNotices()).isEmpty();
  }

  @Test
  void givenEnqueueInsideUnitOfWork_enqueuedNotices_showsThemInOrderAfterCommit() {
    BotDeletedNotice first = notice("first");
    BotDeletedNotice second = notice("second");

    inUnitOfWork(
        () -> {
          portal.outbox().enqueue(first);
          portal.outbox().enqueue(second);
        });

    assertThat(portal.enqueuedNotices()).containsExactly(first, second);
  }

  @Test
  void givenUnitOfWorkThatThrows_enqueue_isRolledBackWithIt() {
    BotDeletedNotice kept = notice("kept");
    BotDeletedNotice lost = notice("lost");
    inUnitOfWork(() -> portal.outbox().enqueue(kept));

    Throwable thrown =
        catchThrowable(
            () ->
                inUnitOfWork(
                    () -> {
                      portal.outbox().enqueue(lost);
                      throw new IllegalStateException("boom");
                    }));

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(portal.enqueuedNotices()).containsExactly(kept);
  }
}
