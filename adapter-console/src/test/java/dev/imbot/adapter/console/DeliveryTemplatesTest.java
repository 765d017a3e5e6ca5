package dev.imbot.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.adapter.console.view.DeliveryDetailPage;
import dev.imbot.adapter.console.view.Layout;
import dev.imbot.adapter.console.view.Section;
import dev.imbot.application.port.in.delivery.ShowDeliveryUseCase.ShownDelivery;
import dev.imbot.domain.delivery.AttemptRecord;
import dev.imbot.domain.delivery.DeliveryDetails;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.delivery.LoggedAttempt;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delivery page's template: a body or a response is text, never markup. */
class DeliveryTemplatesTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:30Z");

  @Test
  void givenMarkupInTheBodyAndTheResponse_deliveryPage_rendersItAsText() {
    DeliveryDetails details =
        new DeliveryDetails(
            new DeliveryRecord(
                3,
                "app",
                "ONIMBOTMESSAGEADD",
                "https://h.example.com/x",
                List.of(2L),
                DeliveryStatus.DEAD,
                1,
                0,
                T0,
                null,
                T0,
                "HTTP 500"),
            5,
            EventData.builder()
                .put(
                    "PARAMS",
                    EventData.builder().put("MESSAGE", "<script>alert(1)</script>").build())
                .build(),
            List.of(
                new LoggedAttempt(
                    1,
                    new AttemptRecord(
                        1,
                        T0,
                        Duration.ofMillis(7),
                        500,
                        "<img src=x onerror=alert(2)>",
                        "HTTP 500"))));
    Layout layout = Layout.of("Delivery 3", Section.DELIVERIES, "token", null);

    String html =
        new Pages()
            .ok(
                "delivery",
                DeliveryDetailPage.of(layout, new ShownDelivery(details, details.body(T0))))
            .body();

    assertThat(html)
        .doesNotContain("<script>alert(1)")
        .doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("Replay this delivery")
        .contains("<details open><summary><code class=\"key\">PARAMS</code></summary>");
  }
}
