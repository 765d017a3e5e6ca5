package dev.imbot.adapter.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search, filters and paging of the Bots page. */
class BotSearchTest {

  private static List<BotSummary> thousandBots() {
    List<BotSummary> bots = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      bots.add(
          new BotSummary(
              BotId.of(i + 1),
              ApplicationKey.of(i % 2 == 0 ? "even" : "odd"),
              BotCode.of("code" + i),
              i % 10 == 0 ? BotType.SUPERVISOR : BotType.BOT,
              "Bot number " + i,
              false));
    }
    return bots;
  }

  @Test
  void givenAThousandBots_askingTheFirstPage_showsOnePageOfCardsOutOfAll() {
    Paged<BotSummary> page = BotSearch.of(null, null, null, null).apply(thousandBots());

    assertThat(page.items()).hasSize(BotSearch.PAGE_SIZE);
    assertThat(page.total()).isEqualTo(1000);
    assertThat(page.pages()).isEqualTo(42);
    assertThat(page.hasPrevious()).isFalse();
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void givenAPagePastTheEnd_askingIt_showsTheLastPage() {
    Paged<BotSummary> page = BotSearch.of(null, null, null, "99").apply(thousandBots());

    assertThat(page.page()).isEqualTo(42);
    assertThat(page.items()).hasSize(1000 - 41 * BotSearch.PAGE_SIZE);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void givenTextApplicationAndType_searching_keepsOnlyBotsMatchingAll() {
    Paged<BotSummary> page = BotSearch.of("NUMBER 10", "even", "s", "1").apply(thousandBots());

    // 10, 100 to 109 (even ones: 100, 102, ..., 108) and 1000, of which supervisors: 10, 100, 1000
    assertThat(page.items())
        .extracting(b -> b.code().value())
        .containsExactly("code10", "code100", "code1000");
  }

  @Test
  void givenACode_searching_findsByCodeToo() {
    assertThat(BotSearch.of("code999", "", "", "1").apply(thousandBots()).items())
        .extracting(BotSummary::fullName)
        .containsExactly("Bot number 999");
  }

  @Test
  void givenAnUnknownTypeOrPage_readingTheSearch_treatsThemAsAny() {
    BotSearch search = BotSearch.of(" x ", " app ", "Z", "abc");

    assertThat(search).isEqualTo(new BotSearch("x", "app", "", 1));
    assertThat(search.hrefOfPage(3)).isEqualTo("/console/bots?page=3&q=x&application=app");
  }

  @Test
  void givenASearchWithNoMatch_summarising_saysSoInWords() {
    BotSearch search = BotSearch.of("nothing", null, null, null);
    Paged<BotSummary> page = search.apply(thousandBots());

    BotsPage view =
        BotsPage.of(Layout.of("Bots", Section.BOTS, "t", null), search, List.of(), List.of(), page);

    assertThat(view.summary()).isEqualTo("No bot matches this search.");
    assertThat(view.types()).extracting(Option::label).contains("Any type", "Supervisor");
  }
}
