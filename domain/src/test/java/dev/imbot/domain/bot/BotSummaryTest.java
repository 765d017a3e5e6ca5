package dev.imbot.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.portal.ApplicationKey;
import org.junit.jupiter.api.Test;

class BotSummaryTest {

  @Test
  void givenBot_summary_carriesIdApplicationCodeTypeFullNameAndOpenLines() {
    Bot bot = TestBots.bot(39, "app", "newbot");

    BotSummary summary = bot.summary();

    assertThat(summary.id()).isEqualTo(BotId.of(39));
    assertThat(summary.application()).isEqualTo(bot.application());
    assertThat(summary.code()).isEqualTo(BotCode.of("newbot"));
    assertThat(summary.type()).isEqualTo(bot.type());
    assertThat(summary.fullName()).isEqualTo(bot.profile().fullName());
    assertThat(summary.openLines()).isEqualTo(bot.openLines());
  }

  @Test
  void givenStoredNamePair_of_joinsThemAsTheProfileDoes() {
    BotSummary both =
        BotSummary.of(
            BotId.of(1),
            ApplicationKey.of("app"),
            BotCode.of("b"),
            BotType.OPEN_LINES,
            "New",
            "Bot",
            true);
    BotSummary firstOnly =
        BotSummary.of(
            BotId.of(1),
            ApplicationKey.of("app"),
            BotCode.of("b"),
            BotType.BOT,
            "New",
            null,
            false);
    BotSummary lastOnly =
        BotSummary.of(
            BotId.of(1),
            ApplicationKey.of("app"),
            BotCode.of("b"),
            BotType.SUPERVISOR,
            null,
            "Bot",
            false);

    assertThat(both.fullName()).isEqualTo("New Bot");
    assertThat(firstOnly.fullName()).isEqualTo("New");
    assertThat(lastOnly.fullName()).isEqualTo("Bot");
    assertThat(both.openLines()).isTrue();
    assertThat(lastOnly.type()).isEqualTo(BotType.SUPERVISOR);
  }
}
