package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link EventOutbox}, run against every adapter. */
public abstract class EventOutboxContract extends PortalContract {

  private static PendingEvent deleted(String code) {
    return new PendingEvent(
        APP,
        "ONIMBOTDELETE",
        3,
        HandlerUrl.of("https://bot.example.com/gone"),
        EventData.builder().put("BOT_ID", 42).put("BOT_CODE", code).build(),
        AuthSubjects.none(),
        NOW);
  }

  /** A message-shaped event: nested maps, several bots, an acting user, awkward text. */
  private static PendingEvent messageLike() {
    EventData bot =
        EventData.builder().put("BOT_ID", 42).put("BOT_CODE", "echo \"bot\" \\ ёжик 😀").build();
    EventData params =
        EventData.builder()
            .put("MESSAGE", "line one\nline two\t\u0001 <b>&amp;</b>")
            .put("DIALOG_ID", "chat7")
            .put("FROM_USER_ID", 1)
            .put("EMPTY", "")
            .build();
    return new PendingEvent(
        OTHER_APP,
        "ONIMBOTMESSAGEADD",
        17,
        HandlerUrl.of("https://bot.example.com/message?CLIENT_ID=x"),
        EventData.builder()
            .put("BOT", EventData.builder().put("42", bot).put("43", EventData.empty()).build())
            .put("PARAMS", params)
            .put("USER", EventData.builder().put("ID", 1).put("NAME", "Administrator").build())
            .build(),
        new AuthSubjects(UserId.of(1), List.of(UserId.of(42), UserId.of(43))),
        NOW.plusMillis(250));
  }

  private List<Delivery> all() {
    return portal.outbox().page(0, Integer.MAX_VALUE);
  }

  @Test
  void givenNothingEnqueued_page_isEmpty() {
    assertThat(all()).isEmpty();
  }

  @Test
  void givenEnqueueInsideUnitOfWork_page_showsPendingUnclaimedDeliveriesInOrderAfterCommit() {
    PendingEvent first = deleted("first");
    PendingEvent second = deleted("second");

    List<Long> ids =
        inUnitOfWork(
            () -> List.of(portal.outbox().enqueue(first), portal.outbox().enqueue(second)));

    assertThat(ids.get(0)).isPositive();
    assertThat(ids.get(1)).isGreaterThan(ids.get(0));
    assertThat(all())
        .containsExactly(
            Delivery.enqueued(ids.get(0), first), Delivery.enqueued(ids.get(1), second));
    Delivery stored = all().get(0);
    assertThat(stored.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(stored.attempts()).isZero();
    assertThat(stored.nextAttemptAt()).isEqualTo(NOW);
    assertThat(stored.leaseOwner()).isNull();
    assertThat(stored.leaseUntil()).isNull();
    assertThat(stored.lastError()).isNull();
  }

  @Test
  void givenNestedDataAndSubjects_enqueue_keepsTreeOrderTextAndSubjectsExactly() {
    PendingEvent event = messageLike();

    long id = inUnitOfWork(() -> portal.outbox().enqueue(event));

    PendingEvent stored = all().get(0).event();
    assertThat(all().get(0).id()).isEqualTo(id);
    assertThat(stored).isEqualTo(event);
    assertThat(stored.data().asMap().keySet()).containsExactly("BOT", "PARAMS", "USER");
    assertThat(stored.data().nested("PARAMS").orElseThrow().asMap().keySet())
        .containsExactly("MESSAGE", "DIALOG_ID", "FROM_USER_ID", "EMPTY");
    assertThat(stored.subjects().actingUser()).isEqualTo(UserId.of(1));
    assertThat(stored.subjects().bots()).containsExactly(UserId.of(42), UserId.of(43));
  }

  @Test
  void givenEnqueueOutsideAUnitOfWork_enqueue_isStoredOnItsOwn() {
    long id = portal.outbox().enqueue(deleted("alone"));

    assertThat(all()).extracting(Delivery::id).containsExactly(id);
  }

  @Test
  void givenUnitOfWorkThatThrows_enqueue_isRolledBackWithIt() {
    PendingEvent kept = deleted("kept");
    PendingEvent lost = deleted("lost");
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
    assertThat(all()).extracting(Delivery::event).containsExactly(kept);
  }

  @Test
  void givenFiveDeliveries_page_returnsThoseAfterTheCursorUpToTheLimit() {
    List<Long> ids =
        inUnitOfWork(
            () ->
                List.of(
                    portal.outbox().enqueue(deleted("a")),
                    portal.outbox().enqueue(deleted("b")),
                    portal.outbox().enqueue(deleted("c")),
                    portal.outbox().enqueue(deleted("d")),
                    portal.outbox().enqueue(deleted("e"))));

    assertThat(portal.outbox().page(ids.get(1), 2))
        .extracting(Delivery::id)
        .containsExactly(ids.get(2), ids.get(3));
    assertThat(portal.outbox().page(ids.get(4), 10)).isEmpty();
    assertThat(portal.outbox().page(0, 0)).isEmpty();
  }
}
