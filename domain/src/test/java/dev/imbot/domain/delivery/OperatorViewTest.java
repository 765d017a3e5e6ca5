package dev.imbot.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the operator is shown of deliveries: bodies as trees, secrets hidden, health judged. */
class OperatorViewTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:30Z");

  @Test
  void givenBracketNames_asTree_nestsThemAsParseStrDoes() {
    FormFields fields =
        FormFields.builder()
            .add("event", "ONIMBOTMESSAGEADD")
            .add("data[BOT][42][BOT_CODE]", "echo")
            .add("data[BOT][42][BOT_ID]", "42")
            .add("data[PARAMS][MESSAGE]", "hi [b]there[/b]")
            .add("data[list][]", "a")
            .add("data[list][]", "b")
            .add("ts", "1")
            .build();

    assertThat(fields.asTree())
        .isEqualTo(
            Map.of(
                "event", "ONIMBOTMESSAGEADD",
                "data",
                    Map.of(
                        "BOT", Map.of("42", Map.of("BOT_CODE", "echo", "BOT_ID", "42")),
                        "PARAMS", Map.of("MESSAGE", "hi [b]there[/b]"),
                        "list", Map.of("0", "a", "1", "b")),
                "ts", "1"));
    assertThat(fields.asTree().keySet()).containsExactly("event", "data", "ts");
  }

  @Test
  void givenNoAttemptYet_body_isTheStoredFieldsWithTsOfNow() {
    FormFields body = details(List.of()).body(T0);

    assertThat(body.encode())
        .isEqualTo(
            "event=ONIMBOTDELETE&event_handler_id=7&data%5BBOT_ID%5D=2&data%5BBOT_CODE%5D=echo&ts="
                + T0.getEpochSecond());
  }

  @Test
  void givenAnAttempt_body_carriesItsTimestamp() {
    AttemptRecord attempt = new AttemptRecord(1, T0.minusSeconds(90), Duration.ZERO, 200, "", null);

    FormFields body = details(List.of(new LoggedAttempt(1, attempt))).body(T0);

    assertThat(body.value("ts")).isEqualTo(Long.toString(T0.minusSeconds(90).getEpochSecond()));
  }

  private static DeliveryDetails details(List<LoggedAttempt> attempts) {
    DeliveryRecord record =
        new DeliveryRecord(
            1,
            "app",
            "ONIMBOTDELETE",
            "https://h.example.com/",
            List.of(2L),
            DeliveryStatus.PENDING,
            0,
            0,
            T0,
            T0,
            null,
            null);
    return new DeliveryDetails(
        record, 7, EventData.builder().put("BOT_ID", 2).put("BOT_CODE", "echo").build(), attempts);
  }

  @Test
  void givenDurations_percentile_isTheSmallestValueThatManyAreAtMost() {
    List<Duration> sorted =
        java.util.stream.IntStream.rangeClosed(1, 200).mapToObj(Duration::ofMillis).toList();

    assertThat(HandlerActivity.percentile(sorted, 0.5)).isEqualTo(Duration.ofMillis(100));
    assertThat(HandlerActivity.percentile(sorted, 0.99)).isEqualTo(Duration.ofMillis(198));
    assertThat(HandlerActivity.percentile(List.of(Duration.ofMillis(7)), 0.99))
        .isEqualTo(Duration.ofMillis(7));
  }

  @Test
  void givenNow_windowStart_coversSixtyMinutesEndingWithTheCurrentOne() {
    assertThat(HandlerHealth.windowStart(T0)).isEqualTo(Instant.parse("2026-12-04T09:01:00Z"));
  }

  @Test
  void givenAMessageEventAndADeleteEvent_botsConcerned_areTheBlocksBotsOrTheDeletedBot() {
    PendingEvent message =
        event(EventData.builder().put("PARAMS", EventData.empty()).build(), List.of(5L, 3L, 5L));
    PendingEvent delete =
        event(EventData.builder().put("BOT_ID", 9).put("BOT_CODE", "x").build(), List.of());

    assertThat(message.botsConcerned()).containsExactly(UserId.of(5), UserId.of(3));
    assertThat(delete.botsConcerned()).containsExactly(UserId.of(9));
  }

  private static PendingEvent event(EventData data, List<Long> bots) {
    return new PendingEvent(
        ApplicationKey.of("app"),
        "ONIMBOTDELETE",
        1,
        HandlerUrl.of("https://h.example.com/"),
        data,
        new AuthSubjects(null, bots.stream().map(UserId::of).toList()),
        T0);
  }

  @Test
  void givenInvalidPeriodsOrRanges_constructors_refuseThem() {
    assertThatThrownBy(() -> new RetentionPolicy(Duration.ZERO, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryFilter(null, null, null, null, null, T0, T0))
        .hasMessage("from: must be before to");
    assertThatThrownBy(() -> new DeliveryFilter(null, 0L, null, null, null, null, null))
        .hasMessage("bot_id: must be positive");
    assertThat(RetentionPolicy.DEFAULT.deadCutoff(T0)).isEqualTo(T0.minus(Duration.ofDays(30)));
    assertThat(new DeliveryBacklog(1, T0, 0).oldestPendingAge(T0.plusSeconds(5)))
        .isEqualTo(Duration.ofSeconds(5));
  }
}
