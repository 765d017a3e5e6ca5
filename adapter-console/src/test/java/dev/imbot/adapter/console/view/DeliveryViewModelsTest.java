package dev.imbot.adapter.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.delivery.DeliveryFilter;
import dev.imbot.domain.delivery.DeliveryPage;
import dev.imbot.domain.delivery.DeliveryRecord;
import dev.imbot.domain.delivery.HandlerActivity;
import dev.imbot.domain.delivery.HandlerHealth;
import dev.imbot.domain.event.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Deliveries page's view models: filters as typed, rows, health panels, bodies as trees. */
class DeliveryViewModelsTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:30Z");
  private static final Layout LAYOUT = Layout.of("Deliveries", Section.DELIVERIES, "csrf", null);

  @Test
  void givenFiltersAsTyped_search_readsThemAsAFilterInUtc() {
    DeliverySearch search =
        DeliverySearch.of(
            " Dead ",
            "custom42",
            "7",
            "onimbotdelete",
            "https://h.example.com/x",
            "2026-12-04T10:00",
            "2026-12-05T00:00:00Z",
            "3");

    assertThat(search.filter())
        .isEqualTo(
            new DeliveryFilter(
                "custom42",
                7L,
                "ONIMBOTDELETE",
                "https://h.example.com/x",
                DeliveryStatus.DEAD,
                Instant.parse("2026-12-04T10:00:00Z"),
                Instant.parse("2026-12-05T00:00:00Z")));
    assertThat(search.page()).isEqualTo(3);
    assertThat(search.problem()).isNull();
    assertThat(search.hrefOfPage(2))
        .isEqualTo(
            "/console/deliveries?status=dead&application=custom42&bot=7&event=ONIMBOTDELETE"
                + "&handler=https%3A%2F%2Fh.example.com%2Fx&from=2026-12-04T10%3A00"
                + "&to=2026-12-05T00%3A00%3A00Z&page=2");
    assertThat(DeliverySearch.of(null, null, null, null, null, null, null, "x").href())
        .isEqualTo("/console/deliveries");
  }

  @Test
  void givenUnreadableFilters_search_saysWhatIsWrongInWords() {
    assertThat(problem("lost", "", "", "")).isEqualTo("Status: choose pending, delivered or dead.");
    assertThat(problem("", "abc", "", "")).isEqualTo("Bot: a bot's id is a whole number above 0.");
    assertThat(problem("", "0", "", "")).isEqualTo("Bot: a bot's id is a whole number above 0.");
    assertThat(problem("", "", "yesterday", ""))
        .isEqualTo("From: write a date and time in UTC such as 2026-12-04T10:00.");
    assertThat(problem("", "", "2026-12-04T10:00", "2026-12-04T09:00"))
        .isEqualTo("From must be before To.");
    assertThatThrownBy(
            () -> DeliverySearch.of("x", null, null, null, null, null, null, null).filter())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String problem(String status, String bot, String from, String to) {
    return DeliverySearch.of(status, null, bot, null, null, from, to, null).problem();
  }

  @Test
  void givenAPageOfDeliveries_page_showsRowsInWordsAndCountsPages() {
    DeliveryRecord dead =
        new DeliveryRecord(
            9,
            "custom42",
            "ONIMBOTDELETE",
            "https://h.example.com/x",
            List.of(2L, 5L),
            DeliveryStatus.DEAD,
            8,
            1,
            T0,
            null,
            T0.plusSeconds(60),
            "gave up after 8 attempts: HTTP 500");
    DeliverySearch search = DeliverySearch.of("dead", null, null, null, null, null, null, "2");

    DeliveriesPage page =
        DeliveriesPage.of(LAYOUT, search, new DeliveryPage(List.of(dead), 51, null), 50, List.of());

    assertThat(page.rows())
        .containsExactly(
            new DeliveryRow(
                9,
                "/console/deliveries/9",
                "2026-12-04 10:00:30 UTC",
                "ONIMBOTDELETE",
                "custom42",
                "https://h.example.com/x",
                "2, 5",
                "Dead",
                "status-dead",
                8,
                1,
                "gave up after 8 attempts: HTTP 500"));
    assertThat(page.paging().page()).isEqualTo(2);
    assertThat(page.paging().pages()).isEqualTo(2);
    assertThat(page.summary()).isEqualTo("51 deliveries match the filter, newest first.");
    assertThat(page.statuses())
        .filteredOn(Option::selected)
        .extracting(Option::value)
        .containsExactly("dead");
  }

  @Test
  void givenAnHourOfAttempts_panel_drawsABarPerMinuteScaledToTheBusiestInWords() {
    Instant minute = HandlerActivity.minuteOf(T0);
    HandlerActivity activity =
        new HandlerActivity(
            "https://h.example.com/x",
            6,
            2,
            Duration.ofMillis(12),
            Duration.ofMillis(1500),
            4,
            List.of(
                new HandlerActivity.Minute(minute.minusSeconds(120), 2, 2),
                new HandlerActivity.Minute(minute, 0, 2)));

    HandlerPanel panel = HandlerPanel.of(HandlerHealth.judge(activity, 4, T0));

    assertThat(panel.stateWord()).isEqualTo("Failing");
    assertThat(panel.stateClass()).isEqualTo("state-failing");
    assertThat(panel.successRate()).isEqualTo("33.3 %");
    assertThat(panel.p50()).isEqualTo("12 ms");
    assertThat(panel.p99()).isEqualTo("1.5 s");
    assertThat(panel.bars()).hasSize(60);
    HandlerPanel.Bar busiest = panel.bars().get(57);
    assertThat(busiest)
        .isEqualTo(new HandlerPanel.Bar(228, 20, 20, 0, 20, "09:58: 2 delivered, 2 failed"));
    assertThat(panel.bars().get(59))
        .isEqualTo(new HandlerPanel.Bar(236, 40, 0, 20, 20, "10:00: 0 delivered, 2 failed"));
    assertThat(panel.bars().get(0).title()).isEqualTo("09:01: 0 delivered, 0 failed");
    assertThat(panel.chartLabel())
        .isEqualTo("Last hour, minute by minute: 2 attempts delivered and 4 failed");
    assertThat(panel.href())
        .isEqualTo("/console/deliveries?handler=https%3A%2F%2Fh.example.com%2Fx");
  }

  @Test
  void givenABodyTree_treeNodes_keepOrderAndNesting() {
    List<TreeNode> nodes =
        TreeNode.of(Map.of("data", Map.of("MESSAGE", "<script>alert(1)</script>")));

    assertThat(nodes)
        .containsExactly(
            new TreeNode(
                "data",
                null,
                List.of(new TreeNode("MESSAGE", "<script>alert(1)</script>", List.of()))));
    assertThat(nodes.get(0).leaf()).isFalse();
  }
}
