package dev.imbot.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PendingEventTest {
  private static final ApplicationKey APP = ApplicationKey.of("app.test");
  private static final HandlerUrl URL = HandlerUrl.of("https://bot.example.com/h");
  private static final Instant AT = Instant.parse("2026-03-11T10:15:30Z");

  @ParameterizedTest
  @ValueSource(strings = {"", "onimbotdelete", "ON IMBOT", "1EVENT"})
  void givenNoEventName_pendingEvent_isRefused(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new PendingEvent(APP, name, 1, URL, EventData.empty(), AuthSubjects.none(), AT));
  }

  @Test
  void givenBinding_to_takesItsIdAndUrl() {
    AuthSubjects subjects = new AuthSubjects(UserId.of(1), List.of(UserId.of(42)));

    PendingEvent event =
        PendingEvent.to(
            APP, "ONIMBOTJOINCHAT", new HandlerBinding(9, URL), EventData.empty(), subjects, AT);

    assertThat(event.handlerBindingId()).isEqualTo(9);
    assertThat(event.handler()).isEqualTo(URL);
    assertThat(event.subjects().bots()).containsExactly(UserId.of(42));
  }

  @Test
  void givenNewDelivery_enqueued_isPendingDueAtOnceAndUnclaimed() {
    PendingEvent event =
        new PendingEvent(APP, "ONIMBOTDELETE", 0, URL, EventData.empty(), AuthSubjects.none(), AT);

    Delivery delivery = Delivery.enqueued(5, event);

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(delivery.attempts()).isZero();
    assertThat(delivery.nextAttemptAt()).isEqualTo(AT);
    assertThat(delivery.leaseOwner()).isNull();
    assertThat(delivery.leaseUntil()).isNull();
  }

  @Test
  void givenLeaseOwnerWithoutEnd_delivery_isRefused() {
    PendingEvent event =
        new PendingEvent(APP, "ONIMBOTDELETE", 0, URL, EventData.empty(), AuthSubjects.none(), AT);

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Delivery(5, event, DeliveryStatus.PENDING, 0, AT, "node-1", null, null));
  }
}
